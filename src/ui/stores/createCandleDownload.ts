/**
 * State of the Data page's "Download from an exchange" form: the account (exchange accounts and
 * the simulator), its markets, timeframe, UTC range and dataset name; the download itself runs
 * in the bot-host worker (downloadCandles), reporting progress, and can be cancelled. Field
 * errors from the host are shown next to their fields.
 */
import * as Comlink from 'comlink';
import { createResource, createSignal, type Accessor, type Resource } from 'solid-js';
import type { Market } from '../../core/market/types';
import type {
  AccountView,
  DownloadProgress,
  DownloadResult,
  EngineApi,
  FieldError,
} from '../../host/engineApi';
import { announce } from '../announcer';
import { messageOf } from './createCommandRunner';

export interface CandleDownloadForm {
  accounts: Resource<AccountView[]>;
  markets: Resource<Market[]>;
  accountId: Accessor<string>;
  setAccountId(id: string): void;
  symbol: Accessor<string>;
  setSymbol(symbol: string): void;
  timeframe: Accessor<string>;
  setTimeframe(timeframe: string): void;
  /** "YYYY-MM-DDTHH:MM", read as UTC. */
  from: Accessor<string>;
  setFrom(value: string): void;
  to: Accessor<string>;
  setTo(value: string): void;
  name: Accessor<string>;
  setName(name: string): void;
  /** While downloading, and the final count after a success. */
  progress: Accessor<DownloadProgress | undefined>;
  isDownloading: Accessor<boolean>;
  fieldError(field: string): string | undefined;
  failure: Accessor<string | undefined>;
  outcome: Accessor<(DownloadResult & { name: string }) | undefined>;
  submit(): Promise<void>;
  cancel(): Promise<void>;
}

/** A datetime-local value read as UTC ms (NaN when empty or malformed). */
export function parseUtc(value: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? Date.parse(`${value}:00Z`) : NaN;
}

/** UTC ms as a datetime-local value. */
export function formatUtc(time: number): string {
  return new Date(time).toISOString().slice(0, 16);
}

export function createCandleDownload(api: EngineApi, now: number): CandleDownloadForm {
  const [accountId, setAccountIdSignal] = createSignal('');
  const [symbol, setSymbol] = createSignal('');
  const [timeframe, setTimeframe] = createSignal('1h');
  const end = Math.floor(now / 60_000) * 60_000;
  const [from, setFrom] = createSignal(formatUtc(end - 30 * 86_400_000));
  const [to, setTo] = createSignal(formatUtc(end));
  const [name, setName] = createSignal('');
  const [progress, setProgress] = createSignal<DownloadProgress>();
  const [downloadId, setDownloadId] = createSignal<string>();
  const [errors, setErrors] = createSignal<FieldError[]>([]);
  const [failure, setFailure] = createSignal<string>();
  const [outcome, setOutcome] = createSignal<DownloadResult & { name: string }>();

  const [accounts] = createResource(async () => {
    const result = await api.listAccounts();
    if (!result.ok) throw new Error(result.error);
    const list = result.value;
    if (!accountId() && list[0]) setAccountIdSignal(list[0].id);
    return list;
  });
  const [markets] = createResource(accountId, async (id) => {
    if (!id) return [];
    const result = await api.listMarkets(id);
    if (!result.ok) throw new Error(result.error);
    const list = [...result.value].sort((a, b) => a.symbol.localeCompare(b.symbol));
    if (!list.some((market) => market.symbol === symbol())) setSymbol(list[0]?.symbol ?? '');
    return list;
  });

  const submit = async (): Promise<void> => {
    if (downloadId()) return;
    const id = crypto.randomUUID();
    setErrors([]);
    setFailure(undefined);
    setOutcome(undefined);
    setProgress({ fetched: 0, expected: 0 });
    setDownloadId(id);
    const request = {
      downloadId: id,
      accountId: accountId(),
      symbol: symbol(),
      timeframe: timeframe(),
      since: parseUtc(from()),
      until: parseUtc(to()),
      name: name(),
    };
    try {
      const result = await api.downloadCandles(
        request,
        // A late report (its own message port) must not overwrite the final count.
        Comlink.proxy((reported: DownloadProgress) => {
          if (downloadId() === id) setProgress(reported);
        }),
      );
      if (result.ok) {
        // The bar stays at its final count beside the outcome.
        setProgress({ fetched: result.value.count, expected: result.value.count });
        setOutcome({ ...result.value, name: name().trim() });
        announce(`Downloaded ${result.value.count} candles into ${name().trim()}.`);
      } else if (result.fieldErrors?.length) setErrors(result.fieldErrors);
      else setFailure(result.error);
      if (!result.ok) setProgress(undefined);
    } catch (cause) {
      setFailure(messageOf(cause));
      setProgress(undefined);
    } finally {
      setDownloadId(undefined);
    }
  };

  return {
    accounts,
    markets,
    accountId,
    setAccountId: (id) => setAccountIdSignal(id),
    symbol,
    setSymbol,
    timeframe,
    setTimeframe,
    from,
    setFrom,
    to,
    setTo,
    name,
    setName,
    progress,
    isDownloading: () => downloadId() !== undefined,
    fieldError: (field) => errors().find((error) => error.field === field)?.message,
    failure,
    outcome,
    submit,
    async cancel() {
      const id = downloadId();
      if (id) await api.cancelDownload(id);
    },
  };
}
