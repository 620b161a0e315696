/**
 * Turns what a custom module exported into a checked strategy definition: the default export
 * is either `(sdk) => definition` or the definition object itself (checkDefinition.ts).
 */
import type { AnyStrategy } from '../../core/strategy/types';
import {
  checkDefinition,
  CustomModuleError,
  describeValue,
  isRecord,
  messageOf,
} from './checkDefinition';
import type { StrategySdk } from './sdk';

/** What the default export stands for: the definition itself, or what its function returns. */
async function definitionOf(exported: unknown, sdk: StrategySdk): Promise<unknown> {
  if (typeof exported === 'function') {
    try {
      return await (exported as (sdk: StrategySdk) => unknown)(sdk);
    } catch (error) {
      // The SDK's own complaints (sdk.defineStrategy) are already worded for the user.
      if (error instanceof CustomModuleError) throw error;
      throw new CustomModuleError(`The module's default export threw: ${messageOf(error)}`);
    }
  }
  if (isRecord(exported)) return exported;
  throw new CustomModuleError(
    `The default export must be a function (sdk) => definition or a definition object, got ${describeValue(exported)}.`,
  );
}

/**
 * The checked definition `namespace` (an imported module) exports.
 * @throws CustomModuleError saying what is wrong.
 */
export async function readDefinition(namespace: unknown, sdk: StrategySdk): Promise<AnyStrategy> {
  if (!isRecord(namespace) || !('default' in namespace)) {
    throw new CustomModuleError(
      'The module has no default export: end it with `export default (sdk) => sdk.defineStrategy({ … })`.',
    );
  }
  const def = await definitionOf(namespace.default, sdk);
  if (!isRecord(def)) {
    throw new CustomModuleError(
      `The default export function must return the strategy definition (an object), got ${describeValue(def)}.`,
    );
  }
  // Idempotent: a definition the module already passed through defineStrategy passes again.
  return checkDefinition(def);
}
