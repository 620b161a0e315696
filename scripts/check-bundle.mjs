#!/usr/bin/env node
// Fails when ccxt reached the main thread: follows the static imports of every module script
// (and modulepreload) in the build's index.html and reports each reachable chunk that contains
// ccxt code. Dynamic imports and worker URLs are not followed — they load lazily, off the main
// thread. Run after `vite build`: node scripts/check-bundle.mjs [distDir]   (default dist)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Strings only ccxt's code contains (its base class's version field, its repository URL). */
export const CCXT_MARKERS = [/\bccxtVersion\b/, /github\.com\/ccxt\/ccxt/, /ccxt-browser-stub/];

const SCRIPT_SRC = /<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g;
const PRELOAD_HREF = /<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g;
// `import x from "./a.js"`, `import "./a.js"`, `export {x} from "./a.js"` — not `import("./a.js")`.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;

function matches(text, pattern) {
  return [...text.matchAll(pattern)].map((match) => match[1]);
}

function resolveUrl(distDir, fromFile, url) {
  const path = url.split(/[?#]/)[0];
  if (/^[a-z]+:/i.test(path) || path.startsWith('//')) return undefined; // another origin
  return path.startsWith('/') ? join(distDir, path) : resolve(dirname(fromFile), path);
}

/**
 * Walks the main entry's static import graph in `distDir`.
 * @returns the chunks visited and those containing ccxt (paths relative to distDir)
 */
export function checkBundle(distDir) {
  const html = join(distDir, 'index.html');
  if (!existsSync(html)) throw new Error(`No ${html}: build first (npx vite build).`);
  const htmlText = readFileSync(html, 'utf8');
  const queue = [...matches(htmlText, SCRIPT_SRC), ...matches(htmlText, PRELOAD_HREF)]
    .map((url) => resolveUrl(distDir, html, url))
    .filter((file) => file !== undefined);
  if (queue.length === 0) throw new Error(`${html} has no module script to follow.`);
  const visited = new Set();
  const offenders = [];
  while (queue.length > 0) {
    const file = queue.shift();
    if (visited.has(file)) continue;
    visited.add(file);
    if (!existsSync(file)) throw new Error(`${relative(distDir, file)} is imported but missing.`);
    const code = readFileSync(file, 'utf8');
    if (CCXT_MARKERS.some((marker) => marker.test(code))) offenders.push(relative(distDir, file));
    for (const url of matches(code, STATIC_IMPORT)) {
      const next = resolveUrl(distDir, file, url);
      if (next) queue.push(next);
    }
  }
  return { checked: [...visited].map((file) => relative(distDir, file)), offenders };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = resolve(process.argv[2] ?? 'dist');
  try {
    const { checked, offenders } = checkBundle(distDir);
    if (offenders.length > 0) {
      for (const file of offenders) console.error(`ccxt code in a main-thread chunk: ${file}`);
      console.error(
        'ccxt must only be loaded inside workers (src/exchange/ccxt/loadExchangeClass.ts).',
      );
      process.exit(1);
    }
    // eslint-disable-next-line no-console
    console.log(`Main-thread bundle is free of ccxt (${checked.length} chunks checked).`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
