// Vite plugin for the browser builds (main and worker): ccxt imports a few Node-only modules
// (`ws`, `crypto`, and lazily `undici`, `node:http`, `node:zlib`, proxy agents) that a browser
// never uses — in a page or worker ccxt takes `self.WebSocket` and `fetch`. This replaces them,
// when imported from inside ccxt, with tiny stub modules instead of bundling or failing on them.
// Vitest runs in Node and must keep the real modules, so vite.config.ts leaves it out there.
// Plain JavaScript (types in ccxtBrowserStubs.d.mts) so vite.config.ts can import it by its
// full name.

const PREFIX = '\0ccxt-browser-stub:';

/** Bare specifiers ccxt imports that only make sense in Node. */
const NODE_ONLY = new Set([
  'ws',
  'crypto',
  'undici',
  'http',
  'https',
  'zlib',
  'http-proxy-agent',
  'https-proxy-agent',
  'socks-proxy-agent',
]);

const CCXT_PATH = /[\\/]node_modules[\\/]ccxt[\\/]/;

/** Whether `source`, imported by `importer`, is a Node-only module ccxt asks for. */
export function isCcxtNodeOnlyImport(source, importer) {
  if (!importer || !CCXT_PATH.test(importer)) return false;
  return source.startsWith('node:') || NODE_ONLY.has(source);
}

const WS_STUB = `
export default class WebSocket {
  constructor() { throw new Error('ccxt: use the browser WebSocket (self.WebSocket).'); }
}
export const createWebSocketStream = undefined;
`;

/** The plugin; add it to both `plugins` and `worker.plugins`. */
export function ccxtBrowserStubs() {
  return {
    name: 'flotilla:ccxt-browser-stubs',
    enforce: 'pre',
    resolveId(source, importer) {
      return isCcxtNodeOnlyImport(source, importer) ? PREFIX + source : null;
    },
    // Optional dydx/protobuf code in ccxt's base class (never used by the tested exchanges)
    // imports protobufjs, which is not installed; Vite stubs it, and says so hundreds of times.
    onLog(_level, log) {
      if (log.code === 'IMPORT_IS_UNDEFINED' && log.message.includes('protobufjs')) return false;
      return undefined;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      // ccxt's RSA signing checks `crypto.createSign` and says it is unsupported in browsers.
      return id === `${PREFIX}ws` ? WS_STUB : 'export default {};';
    },
  };
}

/** Worker chunk names: chunks holding ccxt code go to assets/ccxt/ (cached apart, see vite.config.ts). */
export function ccxtChunkFileNames(chunk) {
  const isCcxt = chunk.moduleIds.some((id) => CCXT_PATH.test(id) || id.startsWith(PREFIX));
  return isCcxt ? 'assets/ccxt/[name]-[hash].js' : 'assets/[name]-[hash].js';
}
