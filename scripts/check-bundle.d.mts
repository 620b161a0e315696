/** Types of check-bundle.mjs (plain JavaScript so it runs with node after a build). */
export declare const CCXT_MARKERS: RegExp[];
export declare function checkBundle(distDir: string): { checked: string[]; offenders: string[] };
