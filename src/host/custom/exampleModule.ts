/**
 * A complete custom strategy module, as a user would paste it: the "Insert example" button of
 * the custom strategies page, the unit tests and docs/strategy-guide.md ("Custom strategies",
 * kept identical by a test) all use this text.
 */
export const EXAMPLE_CUSTOM_STRATEGY = `// EMA momentum — a custom Flotilla strategy module.
// The default export receives the SDK: { defineStrategy, indicators }.
export default ({ defineStrategy, indicators }) =>
  defineStrategy({
    id: 'ema-momentum', // stored as "custom-ema-momentum"
    name: 'EMA momentum',
    description:
      'Buys after the close rose several candles in a row above its exponential moving average; sells when it closes back below.',
    category: 'trend',
    timeframe: '1m',
    params: {
      period: {
        kind: 'integer',
        label: 'EMA period',
        help: 'Candles in the exponential moving average.',
        default: 8,
        min: 2,
        max: 200,
        step: 1,
      },
      rising: {
        kind: 'integer',
        label: 'Rising closes',
        help: 'Closes in a row that must rise before buying.',
        default: 2,
        min: 1,
        max: 10,
        step: 1,
      },
    },
    validate: ({ period, rising }) =>
      rising < period
        ? undefined
        : { field: 'rising', message: \`Rising closes (\${rising}) must be below the EMA period (\${period})\` },
    warmup: ({ period }) => period + 1,
    init: ({ period }) => ({ ema: indicators.createEma(period), previousClose: undefined, streak: 0 }),
    onCandle(state, candle, ctx) {
      const average = state.ema.next(candle.close);
      const rose = state.previousClose !== undefined && candle.close > state.previousClose;
      state.streak = rose ? state.streak + 1 : 0;
      state.previousClose = candle.close;
      // Drawn on the bot's price chart (a series named by its key).
      ctx.plot('EMA', average);
      if (average === undefined) return [];
      const isHolding = ctx.position.amount > 0;
      if (!isHolding && candle.close > average && state.streak >= ctx.params.rising) {
        ctx.log(\`\${state.streak} rising closes above the EMA (\${average.toFixed(2)})\`);
        return [{ kind: 'enter_long', tag: 'momentum-up' }];
      }
      if (isHolding && candle.close < average) {
        ctx.log(\`Closed below the EMA (\${average.toFixed(2)})\`);
        return [{ kind: 'exit_long', tag: 'momentum-down' }];
      }
      return [];
    },
    onFill(state, fill, ctx) {
      ctx.log(\`\${fill.side === 'buy' ? 'Bought' : 'Sold'} \${fill.amount} at \${fill.price}\`);
    },
  });
`;
