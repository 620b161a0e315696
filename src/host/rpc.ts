/**
 * A small request/response protocol over BroadcastChannel, so tabs that do not host the bot
 * worker can still command it: the worker serves EngineApi calls by method name; other tabs
 * call through a client with a timeout. Only structured-clone data crosses it.
 */
import type { EngineApi } from './engineApi';

/** Callbacks cannot cross a BroadcastChannel: other tabs listen to LIVE_CHANNEL instead. */
type Method = Exclude<keyof EngineApi, 'subscribe' | 'unsubscribe'>;

interface RpcRequest {
  kind: 'request';
  id: string;
  method: Method;
  args: unknown[];
}

interface RpcResponse {
  kind: 'response';
  id: string;
  value?: unknown;
  error?: string;
}

/** How long a tab waits for the host to answer before reporting that no tab runs the bots. */
const RPC_TIMEOUT_MS = 15_000;

const METHODS: readonly Method[] = [
  'listBots',
  'createBot',
  'updateBot',
  'startBot',
  'pauseBot',
  'resumeBot',
  'stopBot',
  'deleteBot',
  'duplicateBot',
  'archiveBot',
  'unarchiveBot',
  'killSwitch',
  'cancelOrder',
  'getCandles',
  'listMarkets',
  'listAccounts',
  'addExchangeAccount',
  'updateExchangeAccount',
  'deleteExchangeAccount',
  'testExchangeConnection',
  'downloadCandles',
  'cancelDownload',
  'getSimulatedAccount',
  'updateSimulatedAccount',
  'listBalances',
  'getRiskSettings',
  'updateRiskSettings',
  'listRiskTrips',
  'resetRiskTrip',
  'getStatus',
  'vaultStatus',
  'configKey',
  'setupVault',
  'unlockVault',
  'lockVault',
  'changeVaultPassphrase',
  'setVaultAutoLock',
  'putVaultSecret',
  'listVaultSecrets',
  'deleteVaultSecret',
  'eraseVault',
];

export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Answers EngineApi requests arriving on `channel`; returns the function that stops serving. */
export function serveRpc(channel: ChannelLike, api: EngineApi): () => void {
  const listener = (event: MessageEvent) => {
    const request = event.data as RpcRequest | undefined;
    if (request?.kind !== 'request' || !METHODS.includes(request.method)) return;
    const call = api[request.method] as (...args: unknown[]) => Promise<unknown>;
    call.apply(api, request.args).then(
      (value) =>
        channel.postMessage({ kind: 'response', id: request.id, value } satisfies RpcResponse),
      (error: unknown) =>
        channel.postMessage({
          kind: 'response',
          id: request.id,
          error: error instanceof Error ? error.message : String(error),
        } satisfies RpcResponse),
    );
  };
  channel.addEventListener('message', listener);
  return () => channel.removeEventListener('message', listener);
}

/** An EngineApi whose calls travel over `channel` to whichever tab hosts the worker. */
export function createRpcClient(channel: ChannelLike, makeId: () => string): EngineApi {
  const call = (method: Method, args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const id = makeId();
      const timer = setTimeout(() => {
        channel.removeEventListener('message', listener);
        reject(
          new Error(
            'No Flotilla tab is running the bots right now. Reload this tab to run them here.',
          ),
        );
      }, RPC_TIMEOUT_MS);
      const listener = (event: MessageEvent) => {
        const response = event.data as RpcResponse | undefined;
        if (response?.kind !== 'response' || response.id !== id) return;
        clearTimeout(timer);
        channel.removeEventListener('message', listener);
        if (response.error !== undefined) reject(new Error(response.error));
        else resolve(response.value);
      };
      channel.addEventListener('message', listener);
      // Callbacks (a download's progress) cannot cross the channel: they are left out.
      const data = args.map((arg) => (typeof arg === 'function' ? undefined : arg));
      channel.postMessage({ kind: 'request', id, method, args: data } satisfies RpcRequest);
    });
  return Object.fromEntries(
    METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]),
  ) as unknown as EngineApi;
}
