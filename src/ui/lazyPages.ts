/**
 * Every page but the dashboard, loaded on first visit (Solid `lazy`): the first render ships
 * only the app shell and the dashboard, and each page's code, charts and stores come as their
 * own chunk (precached by the service worker, so offline navigation still works).
 */
import { lazy } from 'solid-js';

export const AccountsPage = lazy(() =>
  import('./pages/accounts/AccountsPage').then((m) => ({ default: m.AccountsPage })),
);
export const BacktestPage = lazy(() =>
  import('./pages/BacktestPage').then((m) => ({ default: m.BacktestPage })),
);
export const BotPage = lazy(() => import('./pages/BotPage').then((m) => ({ default: m.BotPage })));
export const BotReportPage = lazy(() =>
  import('./pages/BotReportPage').then((m) => ({ default: m.BotReportPage })),
);
export const CreateBotPage = lazy(() =>
  import('./pages/CreateBotPage').then((m) => ({ default: m.CreateBotPage })),
);
export const CustomStrategiesPage = lazy(() =>
  import('./pages/CustomStrategiesPage').then((m) => ({ default: m.CustomStrategiesPage })),
);
export const DataPage = lazy(() =>
  import('./pages/DataPage').then((m) => ({ default: m.DataPage })),
);
export const EditBotPage = lazy(() =>
  import('./pages/EditBotPage').then((m) => ({ default: m.EditBotPage })),
);
export const RiskPage = lazy(() =>
  import('./pages/risk/RiskPage').then((m) => ({ default: m.RiskPage })),
);
export const SettingsPage = lazy(() =>
  import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);
export const TemplateLibraryPage = lazy(() =>
  import('./pages/TemplateLibraryPage').then((m) => ({ default: m.TemplateLibraryPage })),
);
