/**
 * Build, dev server, PWA (manifest + precaching service worker) and unit-test configuration.
 */
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { ccxtBrowserStubs, ccxtChunkFileNames } from './scripts/ccxtBrowserStubs.mjs';

/** Vitest runs in Node: ccxt keeps its real Node modules there. */
const browserStubs = process.env.VITEST ? [] : [ccxtBrowserStubs()];

export default defineConfig({
  resolve: {
    alias: [
      // ccxt's package exports only '.'; the adapter imports single exchanges by file
      // (src/exchange/ccxt/loadExchangeClass.ts) so each becomes its own worker chunk.
      {
        find: /^ccxt\/js\/src\/(.*)$/,
        replacement: fileURLToPath(new URL('./node_modules/ccxt/js/src/$1', import.meta.url)),
      },
    ],
  },
  plugins: [
    ...browserStubs,
    solid(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png', 'sample/*'],
      manifest: {
        name: 'Flotilla — trading bots in your browser',
        short_name: 'Flotilla',
        description:
          'Create, run, monitor and control many crypto trading bots locally in your browser. No server holds your keys.',
        theme_color: '#0f172a',
        background_color: '#0f172a',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,bin,webmanifest}'],
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
        // ccxt's chunks (one per exchange, ~100-150 KB gzip each; the whole-library fallback is
        // 4 MB) are not precached: most users need one exchange or none. Each is cached the
        // first time a worker loads it; their names are content hashes, so cache-first is safe.
        globIgnores: ['assets/ccxt/**'],
        runtimeCaching: [
          {
            urlPattern: /\/assets\/ccxt\/[^/]+\.js$/,
            handler: 'CacheFirst',
            options: {
              cacheName: 'flotilla-ccxt-chunks',
              expiration: { maxEntries: 60, maxAgeSeconds: 90 * 24 * 3600 },
            },
          },
        ],
      },
    }),
  ],
  worker: {
    format: 'es',
    plugins: () => [...browserStubs],
    // ccxt's chunks go to assets/ccxt/ so the service worker can cache them apart.
    rolldownOptions: { output: { chunkFileNames: ccxtChunkFileNames } },
  },
  build: {
    target: 'es2022',
  },
  test: {
    include: [
      'src/**/*.test.ts',
      'strategies/**/*.test.ts',
      'workers/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'threads',
    // A hang guard, not a speed target: on a busy 2-core machine integration tests against the
    // local exchange simulator can take several seconds (benchmarks measure speed instead).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
