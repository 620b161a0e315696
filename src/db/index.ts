/** Public API of src/db: the Dexie database, its migrations and the repositories. */
export {
  FlotillaDb,
  type BotConfigRecord,
  type BotState,
  type SealedValue,
  type StoredBot,
  type StoredBotConfig,
  type DbDependencies,
  type DraftRow,
  type CustomStrategyRow,
  type ExchangeAccount,
  type ExchangeConnectionAccount,
  type PaperSettings,
  type PaperStateRow,
  type PresetRow,
  type FillRow,
  type LedgerRow,
  type SettingRow,
  type SimStateRow,
  type SimulatedAccount,
  type SavedBacktestRun,
  type VaultRecordRow,
  type VaultSecretRow,
} from './schema';
export { LATEST_VERSION, MIGRATIONS, declareMigrations, type Migration } from './migrations';
export {
  COARSE_PARTS,
  coarseObservability,
  coarsenParts,
  type CoarseParts,
  type CoarseRule,
} from './coarseObservability';
export { ValidationError } from './validation';
export {
  botContext,
  CLEAR_CODEC,
  ConfigLockedError,
  createConfigCodec,
  decodeBot,
  decodeBots,
  decodeVersion,
  encodeBot,
  encodeVersion,
  isSealed,
  versionContext,
  type ConfigCipher,
  type ConfigCodec,
  type ConfigKeyState,
  type StoredConfig,
} from './configCodec';
export {
  prepareDropSealed,
  prepareOpenAll,
  rewriteTables,
  sealAllConfigs,
  type ConfigRewrite,
} from './configSealing';
export { canChangeStatus, DELETABLE_STATUSES } from './botLifecycle';
export {
  createBotsRepository,
  type BotsRepository,
  type CreateBotInput,
  type ListBotsOptions,
} from './botsRepository';
export { createDexieBotStore, type DexieBotStoreOptions } from './dexieBotStore';
export { createEventsRepository, type EventsRepository } from './eventsRepository';
export {
  createOrdersRepository,
  OPEN_ORDER_STATES,
  type OrdersRepository,
} from './ordersRepository';
export {
  APP_SETTING_VALIDATORS,
  createAppSettingsRepository,
  createSettingsRepository,
  DEFAULT_SETTINGS,
  type AppSettings,
  type SettingValidators,
  type SettingsRepository,
} from './settingsRepository';
export {
  createAccountsRepository,
  DEFAULT_SIM_ACCOUNT_ID,
  validateSimulatedAccount,
  type AccountsRepository,
  type ExchangeAccountPatch,
  type NewExchangeAccount,
  type SimulatedAccountPatch,
} from './accountsRepository';
export {
  DEFAULT_PAPER_SETTINGS,
  MAX_ACCOUNT_NAME_LENGTH,
  optionalHttpUrl,
  validateExchangeAccount,
} from './exchangeAccountValidation';
export { createPaperStateRepository, type PaperStateRepository } from './paperStateRepository';
export { createSimStateRepository, type SimStateRepository } from './simStateRepository';
export { createDraftsRepository, type DraftsRepository } from './draftsRepository';
export {
  createPresetsRepository,
  MAX_PRESET_NAME_LENGTH,
  parsePresetsFile,
  PRESETS_FORMAT,
  PRESETS_VERSION,
  requirePresetName,
  serializePresets,
  type PresetEntry,
  type PresetsFile,
  type PresetsRepository,
  type PresetStrategy,
  type SavePresetInput,
} from './presetsRepository';
export {
  deleteDataset,
  getDataset,
  listDatasets,
  loadDatasetCandles,
  MAX_DATASET_NAME_LENGTH,
  saveDataset,
  type SaveDatasetInput,
  type SaveDatasetOptions,
} from './candleStore';
export type { CandleChunkRow, CandleDatasetRow } from './schema';
export { importDataset, type ImportDatasetInput, type ImportDatasetResult } from './importDataset';
export {
  createBacktestRunsRepository,
  MAX_SAVED_RUNS,
  type BacktestRunsRepository,
  type SaveRunInput,
} from './backtestRunsRepository';
export { createVaultRepository, type VaultRepository } from './vaultRepository';
export {
  withWriteBehind,
  type WriteBehindBotStore,
  type WriteBehindOptions,
} from './writeBehindBotStore';
