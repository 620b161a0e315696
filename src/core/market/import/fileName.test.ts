import { describe, expect, it } from 'vitest';
import { datasetNameFromFile, symbolFromFileName } from './fileName';

describe('names from file names', () => {
  it('reads the symbol the way exchanges and tools name their files', () => {
    expect(symbolFromFileName('BTCUSDT-1m-2023-03.csv')).toBe('BTC/USDT');
    expect(symbolFromFileName('BTC_USDT-1h.json')).toBe('BTC/USDT');
    expect(symbolFromFileName('btcusdt-1m-2023-03-01_03.csv')).toBe('BTC/USDT');
    expect(symbolFromFileName('eth-btc_1d.csv')).toBe('ETH/BTC');
    expect(symbolFromFileName('C:\\data\\SOLUSDC.csv')).toBe('SOL/USDC');
  });

  it('gives up rather than guess wrong', () => {
    expect(symbolFromFileName('prices.csv')).toBeUndefined();
    expect(symbolFromFileName('USDT.csv')).toBeUndefined();
    expect(symbolFromFileName('my-data-2024.json')).toBeUndefined();
  });

  it('names the dataset after the file without its extension', () => {
    expect(datasetNameFromFile('/tmp/BTCUSDT-1m-2023-03.csv')).toBe('BTCUSDT-1m-2023-03');
    expect(datasetNameFromFile('x.JSON')).toBe('x');
  });
});
