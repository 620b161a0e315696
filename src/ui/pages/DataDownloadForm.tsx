/**
 * The Data page's "Download from an exchange" form: account, market, timeframe, UTC range and
 * dataset name; "Download" shows a progress bar with candle counts and a Cancel button, then
 * what was saved (the dataset appears in the list below) or what failed.
 */
import { For, Show, type JSX } from 'solid-js';
import { TIMEFRAMES } from '../../core/market/timeframe';
import { describedBy, FormField, invalid } from '../components/FormField';
import { useEngine } from '../EngineProvider';
import { formatNumber } from '../format';
import { createCandleDownload, type CandleDownloadForm } from '../stores/createCandleDownload';

function Progress(props: { form: CandleDownloadForm }): JSX.Element {
  const counts = () => props.form.progress() ?? { fetched: 0, expected: 0 };
  return (
    <div class="import-progress">
      <progress
        id="download-progress"
        max={Math.max(counts().expected, 1)}
        value={counts().fetched}
        aria-label="Download progress"
      />
      <span aria-live="polite" data-testid="download-counts">
        {formatNumber(counts().fetched, 0)} of {formatNumber(counts().expected, 0)} candles
      </span>
      <Show when={props.form.isDownloading()}>
        <button type="button" class="button" onClick={() => void props.form.cancel()}>
          Cancel
        </button>
      </Show>
    </div>
  );
}

function Outcome(props: { form: CandleDownloadForm }): JSX.Element {
  return (
    <>
      <Show when={props.form.failure()}>
        {(message) => (
          <p class="form-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Show when={props.form.outcome()}>
        {(done) => (
          <p class="notice" role="status">
            Downloaded {done().name}: {formatNumber(done().count, 0)} candles. It is listed below
            and on the Backtest page.
          </p>
        )}
      </Show>
    </>
  );
}

function RangeFields(props: { form: CandleDownloadForm }): JSX.Element {
  const form = props.form;
  return (
    <>
      <FormField id="download-from" label="From (UTC)" error={form.fieldError('since')}>
        <input
          id="download-from"
          type="datetime-local"
          value={form.from()}
          aria-invalid={invalid(form.fieldError('since'))}
          aria-describedby={describedBy('download-from', false, form.fieldError('since'))}
          onInput={(event) => form.setFrom(event.currentTarget.value)}
        />
      </FormField>
      <FormField id="download-to" label="To (UTC)" error={form.fieldError('until')}>
        <input
          id="download-to"
          type="datetime-local"
          value={form.to()}
          aria-invalid={invalid(form.fieldError('until'))}
          aria-describedby={describedBy('download-to', false, form.fieldError('until'))}
          onInput={(event) => form.setTo(event.currentTarget.value)}
        />
      </FormField>
    </>
  );
}

function MarketFields(props: { form: CandleDownloadForm }): JSX.Element {
  const form = props.form;
  return (
    <>
      <FormField
        id="download-account"
        label="Account"
        help="Public market data only: no API keys or unlocked vault needed."
        error={
          form.fieldError('accountId') ??
          (form.accounts.error ? String(form.accounts.error) : undefined)
        }
      >
        <select
          id="download-account"
          value={form.accountId()}
          aria-describedby={describedBy('download-account', true, form.fieldError('accountId'))}
          onChange={(event) => form.setAccountId(event.currentTarget.value)}
        >
          <For each={form.accounts() ?? []}>
            {(account) => (
              <option value={account.id}>
                {account.name} ({account.exchangeName})
              </option>
            )}
          </For>
        </select>
      </FormField>
      <FormField
        id="download-symbol"
        label="Market"
        error={
          form.fieldError('symbol') ?? (form.markets.error ? String(form.markets.error) : undefined)
        }
      >
        <select
          id="download-symbol"
          value={form.symbol()}
          aria-invalid={invalid(form.fieldError('symbol'))}
          aria-describedby={describedBy('download-symbol', false, form.fieldError('symbol'))}
          onChange={(event) => form.setSymbol(event.currentTarget.value)}
        >
          <For each={form.markets() ?? []}>
            {(market) => <option value={market.symbol}>{market.symbol}</option>}
          </For>
        </select>
      </FormField>
      <FormField id="download-timeframe" label="Timeframe" error={form.fieldError('timeframe')}>
        <select
          id="download-timeframe"
          value={form.timeframe()}
          aria-invalid={invalid(form.fieldError('timeframe'))}
          aria-describedby={describedBy('download-timeframe', false, form.fieldError('timeframe'))}
          onChange={(event) => form.setTimeframe(event.currentTarget.value)}
        >
          <For each={TIMEFRAMES}>
            {(timeframe) => <option value={timeframe}>{timeframe}</option>}
          </For>
        </select>
      </FormField>
    </>
  );
}

export function DataDownloadForm(): JSX.Element {
  const form = createCandleDownload(useEngine().api, Date.now());
  return (
    <form
      class="form"
      novalidate
      aria-labelledby="download-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit();
      }}
    >
      <h2 id="download-heading" class="section-title">
        Download from an exchange
      </h2>
      <MarketFields form={form} />
      <RangeFields form={form} />
      <FormField id="download-name" label="Dataset name" error={form.fieldError('name')}>
        <input
          id="download-name"
          type="text"
          autocomplete="off"
          value={form.name()}
          aria-invalid={invalid(form.fieldError('name'))}
          aria-describedby={describedBy('download-name', false, form.fieldError('name'))}
          onInput={(event) => form.setName(event.currentTarget.value)}
        />
      </FormField>
      <div class="button-row">
        <button
          type="submit"
          class="button button-primary"
          aria-disabled={form.isDownloading() ? 'true' : undefined}
        >
          Download
        </button>
      </div>
      <Show when={form.progress()}>
        <Progress form={form} />
      </Show>
      <Outcome form={form} />
    </form>
  );
}
