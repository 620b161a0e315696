/** A bot's trading mode as a labelled badge: Simulated, Paper or Live. */
import type { JSX } from 'solid-js';
import type { BotMode } from '../../core/bot/types';

export const MODE_LABELS: Record<BotMode, string> = {
  simulated: 'Simulated',
  paper: 'Paper',
  live: 'Live',
};

export function ModeBadge(props: { mode: BotMode }): JSX.Element {
  return (
    <span class="badge" data-mode={props.mode}>
      {MODE_LABELS[props.mode]}
    </span>
  );
}
