/**
 * Guesses a dataset's name and symbol from an imported file's name, as exchanges and tools
 * name their downloads: "BTCUSDT-1m-2023-03.csv" (Binance), "BTC_USDT-1h.json" (freqtrade),
 * "btc-usdc_1d.csv". The Data page pre-fills its fields with the guess; the user can change it.
 */

/** Quote currencies recognised at the end of a joined pair such as "ETHBTC"; longest first. */
const QUOTES = [
  'FDUSD',
  'USDT',
  'USDC',
  'BUSD',
  'TUSD',
  'DAI',
  'USD',
  'EUR',
  'GBP',
  'BTC',
  'ETH',
  'BNB',
];

/** The file name without its folder and extension. */
export function datasetNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.(csv|json|txt)$/i, '').trim();
}

/** "BTC/USDT" from "BTCUSDT-1m…", "BTC_USDT-1m…" or "btc-usdt…"; undefined when unsure. */
export function symbolFromFileName(fileName: string): string | undefined {
  const name = datasetNameFromFile(fileName).toUpperCase();
  const pair = /^([A-Z0-9]{2,10})[_/-]([A-Z]{3,5})(?=$|[^A-Z])/.exec(name);
  if (pair && QUOTES.includes(pair[2] as string)) return `${pair[1]}/${pair[2]}`;
  const joined = /^([A-Z0-9]{2,15})(?=$|[^A-Z0-9])/.exec(name)?.[1];
  if (!joined) return undefined;
  const quote = QUOTES.find(
    (candidate) => joined.endsWith(candidate) && joined.length > candidate.length + 1,
  );
  return quote ? `${joined.slice(0, -quote.length)}/${quote}` : undefined;
}
