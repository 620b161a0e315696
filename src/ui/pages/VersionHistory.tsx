/**
 * A bot's config versions, newest first: version, when it was saved, and what changed from the
 * version before (version 1: "Created"). Live from IndexedDB, so a save shows at once.
 */
import { Dexie } from 'dexie';
import { For, Show, type JSX } from 'solid-js';
import { decodeVersion, type BotConfigRecord } from '../../db';
import { findStrategyEntry, strategyName } from '../catalog';
import { DataTable } from '../components/DataTable';
import { configCodec } from '../configCodec';
import { db } from '../db';
import { formatDateTime, isoTime } from '../format';
import { createDecodedLiveList } from '../liveQuery';
import { diffConfigs, formatChange } from '../stores/configDiff';

const COLUMNS = [{ label: 'Version' }, { label: 'Saved' }, { label: 'Changes' }] as const;

function changesOf(record: BotConfigRecord, previous: BotConfigRecord | undefined): string[] {
  if (!previous) return ['Created'];
  const params = findStrategyEntry(record.config.strategyId)?.params ?? {};
  const changes = diffConfigs(previous.config, record.config, { params, strategyName });
  return changes.length > 0 ? changes.map(formatChange) : ['No changes'];
}

export function VersionHistory(props: { botId: string }): JSX.Element {
  const versions = createDecodedLiveList(
    () =>
      db.botConfigs
        .where('[botId+version]')
        .between([props.botId, Dexie.minKey], [props.botId, Dexie.maxKey])
        .toArray(),
    'version',
    (rows) => Promise.all(rows.map((row) => decodeVersion(configCodec, row))),
  );
  const newestFirst = (): BotConfigRecord[] => [...versions()].reverse();
  const previousOf = (record: BotConfigRecord): BotConfigRecord | undefined =>
    versions().find((each) => each.version === record.version - 1);
  return (
    <DataTable
      id="versions"
      title="Config versions"
      columns={COLUMNS}
      rowCount={versions().length}
      emptyMessage="No saved versions"
    >
      <For each={newestFirst()}>
        {(record) => (
          <tr>
            <td>v{record.version}</td>
            <td>
              <time datetime={isoTime(record.savedAt)}>{formatDateTime(record.savedAt)}</time>
            </td>
            <td>
              <Show when={changesOf(record, previousOf(record))}>
                {(changes) => (
                  <ul class="change-list">
                    <For each={changes()}>{(change) => <li>{change}</li>}</For>
                  </ul>
                )}
              </Show>
            </td>
          </tr>
        )}
      </For>
    </DataTable>
  );
}
