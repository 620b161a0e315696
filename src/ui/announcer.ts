/**
 * Polite screen-reader announcements ("Bot paused.") through one visually hidden live region
 * rendered by the app shell, so outcomes of actions are heard without moving focus.
 */
import { createSignal } from 'solid-js';

const [announcement, setAnnouncement] = createSignal('');
export { announcement };

/** Announces `message` politely; repeating the same text is announced again. */
export function announce(message: string): void {
  // Clearing first makes screen readers re-read an identical message.
  setAnnouncement('');
  queueMicrotask(() => setAnnouncement(message));
}
