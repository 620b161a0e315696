/**
 * What the UI gets from the engine connection: the engine API (in this tab's worker if this tab
 * leads, else relayed to the leading tab), this tab's role, and the live event stream.
 */
import type { Accessor } from 'solid-js';
import type { EngineApi, LiveEvent } from '../host/engineApi';

export type TabRole = 'connecting' | 'leader' | 'follower';

export interface EngineConnection {
  api: EngineApi;
  role: Accessor<TabRole>;
  /** Subscribes to live events (ticks, candles, bot equity); returns the unsubscribe. */
  onLive(listener: (event: LiveEvent) => void): () => void;
}
