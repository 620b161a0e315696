/**
 * Loads module source text as a real ES module: `import()` of a URL holding the source. In a
 * browser that is a blob: URL (allowed by the CSP's script-src, see scripts/serve.mjs); Node
 * tests pass a data: URL maker instead. Load failures become messages for the user, with the
 * JavaScript engine's own wording for syntax errors.
 */
import { CustomModuleError } from './checkDefinition';

/** A URL that serves `source` as JavaScript, and how to free it once imported. */
export type ModuleUrlMaker = (source: string) => { url: string; release(): void };

/** A blob: URL holding `source` (browsers). */
export const blobModuleUrl: ModuleUrlMaker = (source) => {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return { url, release: () => URL.revokeObjectURL(url) };
};

function describeLoadError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SyntaxError) return `Syntax error in the module: ${message}`;
  return `The module could not be loaded: ${message}`;
}

/**
 * Imports `source` as an ES module and resolves to its namespace object.
 * @throws CustomModuleError "Syntax error in the module: Unexpected token '}'", or the
 *   error the module's top-level code threw.
 */
export async function importModuleSource(
  source: string,
  makeUrl: ModuleUrlMaker = blobModuleUrl,
): Promise<unknown> {
  const { url, release } = makeUrl(source);
  try {
    return (await import(/* @vite-ignore */ url)) as unknown;
  } catch (error) {
    throw new CustomModuleError(describeLoadError(error));
  } finally {
    release();
  }
}
