/**
 * Historical data (#/data): download candles from an exchange account or import candle files into the browser's candle store (parsed and
 * checked in a worker; nothing is saved from a file with bad rows) and manage the datasets,
 * beside the bundled sample. Backtests read their candles from here.
 */
import type { JSX } from 'solid-js';
import { usePageTitle } from '../pageTitle';
import { href } from '../router';
import { createDataImport } from '../stores/createDataImport';
import { DataDownloadForm } from './DataDownloadForm';
import { DataImportForm } from './DataImportForm';
import { DatasetList } from './DatasetList';
import './data.css';

export function DataPage(): JSX.Element {
  usePageTitle(() => 'Historical data');
  const form = createDataImport();
  return (
    <section class="page narrow">
      <h1 tabindex="-1">Historical data</h1>
      <p class="lead">
        Import candles for backtests from a CSV or JSON file. Files are read in the background and
        checked row by row; a file with any bad row is not imported, and each problem is shown with
        its line. Datasets stay in this browser. Minute, hourly and daily data alike: on the{' '}
        <a href={href('/backtest')}>Backtest</a> page, choose a dataset as the data source and run
        it at its own timeframe or a longer one. Or download candles from one of your accounts
        below.
      </p>
      <DataImportForm form={form} />
      <DataDownloadForm />
      <DatasetList />
    </section>
  );
}
