/** Types of ccxtBrowserStubs.mjs. */
import type { Plugin } from 'vite';

export declare function isCcxtNodeOnlyImport(source: string, importer: string | undefined): boolean;
export declare function ccxtBrowserStubs(): Plugin;
export declare function ccxtChunkFileNames(chunk: { moduleIds: readonly string[] }): string;
