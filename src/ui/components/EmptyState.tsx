/** A short message for an empty list or table, with an optional call to action. */
import { Show, type JSX } from 'solid-js';

export function EmptyState(props: { message: string; children?: JSX.Element }): JSX.Element {
  return (
    <div class="empty-state">
      <p>{props.message}</p>
      <Show when={props.children}>{props.children}</Show>
    </div>
  );
}
