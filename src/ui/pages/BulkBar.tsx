/**
 * Bulk control of the selected bots: "N selected" with Start / Pause / Resume / Stop… /
 * Delete…, a confirmation naming what happens to each bot, progress while the commands run one
 * by one, and a per-bot summary (role=status). Also the "Select all matching" checkbox.
 */
import {
  createEffect,
  createMemo,
  createSignal,
  createUniqueId,
  For,
  Show,
  untrack,
  type JSX,
} from 'solid-js';
import type { Bot } from '../../core/bot/types';
import { Dialog } from '../components/Dialog';
import { useEngine } from '../EngineProvider';
import {
  BULK_ACTIONS,
  BULK_KINDS,
  describePlan,
  planBulk,
  type BulkKind,
} from '../stores/bulkActions';
import type { BotListView } from '../stores/createBotListView';

export function SelectAllCheckbox(props: {
  view: BotListView;
  id: string;
  /** Says "Select all matching" to assistive technology only (a table's header cell). */
  hideLabel?: boolean;
}): JSX.Element {
  let input!: HTMLInputElement;
  createEffect(() => {
    input.indeterminate = props.view.matchingSelection() === 'some';
  });
  return (
    <span class="select-all">
      <input
        ref={input}
        id={props.id}
        type="checkbox"
        class="select-checkbox"
        checked={props.view.matchingSelection() === 'all'}
        onChange={(event) => props.view.selectAllMatching(event.currentTarget.checked)}
      />
      <label for={props.id} class={props.hideLabel ? 'visually-hidden' : undefined}>
        Select all matching
      </label>
    </span>
  );
}

function BulkDialog(props: {
  view: BotListView;
  kind: BulkKind | undefined;
  onClose: () => void;
}): JSX.Element {
  const { api } = useEngine();
  const [cancelOrders, setCancelOrders] = createSignal(true);
  const [closePosition, setClosePosition] = createSignal(false);
  // The plan is fixed when the dialog opens, so live status changes do not reshuffle it.
  const [plan, setPlan] = createSignal<ReturnType<typeof planBulk>>();
  createEffect(() => {
    const kind = props.kind;
    if (!kind) return;
    setCancelOrders(true);
    setClosePosition(false);
    setPlan(planBulk(BULK_ACTIONS[kind], untrack(props.view.selected)));
  });
  const kind = (): BulkKind | undefined => props.kind;
  const confirm = (): void => {
    const current = plan();
    props.onClose();
    if (!current) return;
    void props.view.runBulk(current, api, {
      cancelOrders: cancelOrders(),
      closePosition: closePosition(),
    });
  };
  const title = createMemo(() => {
    const current = plan();
    return current ? `${current.action.verb} selected bots?` : '';
  });
  return (
    <Dialog open={props.kind !== undefined} title={title()} onClose={props.onClose}>
      <Show when={plan()}>
        {(current) => (
          <>
            <p>{describePlan(current())}</p>
            <Show when={kind() === 'delete'}>
              <p class="notice">
                Only stopped bots can be deleted. Deleted bots and their configuration are removed
                from Flotilla; this cannot be undone.
              </p>
            </Show>
            <Show when={kind() === 'duplicate'}>
              <p class="notice">
                Each copy is named "&lt;name&gt; (copy)", has the same configuration and starts
                stopped. A copy is refused when its allocation does not fit in what is not yet
                allocated on its account.
              </p>
            </Show>
            <Show when={kind() === 'archive'}>
              <p class="notice">
                Only stopped bots without open orders can be archived. Archived bots leave the list
                (choose Status: Archived to see them), keep their history, and free their
                allocation.
              </p>
            </Show>
            <Show when={kind() === 'stop'}>
              <div class="checkbox-row">
                <input
                  id="bulk-cancel-orders"
                  type="checkbox"
                  checked={cancelOrders()}
                  onChange={(event) => setCancelOrders(event.currentTarget.checked)}
                />
                <label for="bulk-cancel-orders">Cancel open orders</label>
              </div>
              <div class="checkbox-row">
                <input
                  id="bulk-close-positions"
                  type="checkbox"
                  checked={closePosition()}
                  onChange={(event) => setClosePosition(event.currentTarget.checked)}
                />
                <label for="bulk-close-positions">Close positions at market</label>
              </div>
            </Show>
            <div class="button-row dialog-actions">
              <button type="button" class="button" onClick={() => props.onClose()}>
                Cancel
              </button>
              <button
                type="button"
                class={
                  kind() === 'delete' || kind() === 'stop'
                    ? 'button button-danger'
                    : 'button button-primary'
                }
                onClick={confirm}
              >
                {current().eligible.length > 0
                  ? `${current().action.verb} ${current().eligible.length} ${current().eligible.length === 1 ? 'bot' : 'bots'}`
                  : 'Report skipped bots'}
              </button>
            </div>
          </>
        )}
      </Show>
    </Dialog>
  );
}

const BUTTON_TEXT: Record<BulkKind, string> = {
  start: 'Start',
  pause: 'Pause',
  resume: 'Resume',
  stop: 'Stop…',
  duplicate: 'Duplicate',
  archive: 'Archive',
  unarchive: 'Unarchive',
  delete: 'Delete…',
};

export function BulkBar(props: { view: BotListView }): JSX.Element {
  const [open, setOpen] = createSignal<BulkKind>();
  const busy = (): boolean => props.view.progress() !== undefined;
  // Unarchive is offered once an archived bot is selected; with only archived bots selected,
  // the lifecycle commands (which never apply to them) are not.
  const offered = createMemo((): readonly BulkKind[] => {
    const selected = props.view.selected();
    const archived = selected.filter((bot) => bot.status === 'archived').length;
    if (archived === 0) return BULK_KINDS.filter((kind) => kind !== 'unarchive');
    if (archived === selected.length) return ['unarchive', 'duplicate', 'delete'];
    return BULK_KINDS;
  });
  return (
    <>
      <Show when={props.view.selected().length > 0 || busy()}>
        <div class="bulk-bar" role="group" aria-label="Bulk actions">
          <p class="bulk-count">{props.view.selected().length} selected</p>
          <div class="button-row">
            <For each={offered()}>
              {(kind) => (
                <button
                  type="button"
                  class={kind === 'delete' ? 'button button-danger-outline' : 'button'}
                  aria-label={`${BULK_ACTIONS[kind].verb} selected`}
                  aria-disabled={busy() ? 'true' : undefined}
                  onClick={() => {
                    if (!busy() && props.view.selected().length > 0) setOpen(kind);
                  }}
                >
                  {BUTTON_TEXT[kind]}
                </button>
              )}
            </For>
          </div>
        </div>
      </Show>
      <div class="bulk-status" role="status">
        <Show when={props.view.progress()}>
          {(progress) => (
            <p>
              {progress().doing} {progress().current} of {progress().total}…
            </p>
          )}
        </Show>
        <Show when={!busy() && props.view.summary()}>{(summary) => <p>{summary()}</p>}</Show>
      </div>
      <BulkDialog view={props.view} kind={open()} onClose={() => setOpen(undefined)} />
    </>
  );
}

export function SelectBotCheckbox(props: { bot: Bot; view: BotListView }): JSX.Element {
  const id = `select-bot-${createUniqueId()}`;
  return (
    <span class="select-bot">
      <input
        id={id}
        type="checkbox"
        class="select-checkbox"
        checked={props.view.isSelected(props.bot.id)}
        onChange={(event) => props.view.setSelected(props.bot.id, event.currentTarget.checked)}
      />
      <label for={id} class="visually-hidden">
        Select {props.bot.config.name}
      </label>
    </span>
  );
}
