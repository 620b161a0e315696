/**
 * What the bot-creation wizard's form store offers its steps (createBotFormStore.ts builds it):
 * the draft and its context, field errors, setters, step navigation, import and submit.
 */
import type { Accessor, Resource } from 'solid-js';
import type { BotConfig, BotMode } from '../../core/bot/types';
import type { Market } from '../../core/market/types';
import type { ParamSpec, RawParams } from '../../core/strategy/types';
import type { ExchangeAccount } from '../../db';
import type { AccountBalanceView, SimulatedAccountSettings } from '../../host/engineApi';
import type { StrategyEntry } from '../catalog';
import type { LiveQuery } from '../liveQuery';
import type { BotDraft, ParamInput } from './createBotDraft';
import type { InitialPreset } from './presetDraft';
import type { RiskDraft } from './riskDraft';

export interface BotFormStore {
  draft: Readonly<BotDraft>;
  /** True once the saved draft was restored. */
  isReady: Accessor<boolean>;
  strategy: Accessor<StrategyEntry | undefined>;
  markets: Resource<Market[]>;
  market: Accessor<Market | undefined>;
  /** The account's balance in the chosen market's quote currency. */
  balance: Accessor<AccountBalanceView | undefined>;
  account: Resource<SimulatedAccountSettings>;
  /** Exchange accounts from the database. */
  accounts: LiveQuery<readonly ExchangeAccount[]>;
  /** Modes the chosen account supports. */
  modes: Accessor<readonly BotMode[]>;
  /** A note about the link the wizard was opened with (e.g. a bot to copy was not found). */
  notice: Accessor<string | undefined>;
  /** The message to show at `field` ("name", "params.fast"…), if any. */
  errorFor(field: string): string | undefined;
  isSubmitting: Accessor<boolean>;
  formError: Accessor<string | undefined>;
  paramSpecs(): [string, ParamSpec][];
  paramValue(key: string): ParamInput | undefined;
  setName(value: string): void;
  setSymbol(value: string): void;
  setStrategy(id: string): void;
  setTimeframe(value: string): void;
  setParam(key: string, value: ParamInput): void;
  setAllocation(value: string): void;
  setStart(value: boolean): void;
  setAccount(id: string): void;
  setMode(mode: BotMode): void;
  /** Replaces the risk inputs after an edit of `field` (e.g. "risk.stopLoss.percent"). */
  setRisk(field: string, risk: RiskDraft): void;
  /** The errors of wizard step `step` (the review step: every error). */
  stepErrors(step: number): { field: string; message: string }[];
  /** Goes to the next step, or shows the current step's errors and stays; true when it moved. */
  next(): boolean;
  back(): void;
  /** Goes to an earlier (or the current) step. */
  goTo(step: number): void;
  /** Fills the draft with an imported config and goes to the review step. */
  loadConfig(config: BotConfig): void;
  /** The outcome of opening the form with `?preset=<id>`, once the draft is ready. */
  initialPreset: Accessor<InitialPreset | undefined>;
  /** Chooses template `strategyId` with `params` as its values (e.g. from a preset). */
  applyParams(strategyId: string, params: RawParams): void;
  /** Shows the parameters' errors at their fields, as after an edit. */
  showParamErrors(): void;
  /** Validates and creates the bot; resolves to its id, or undefined when it was not created. */
  submit(): Promise<string | undefined>;
}
