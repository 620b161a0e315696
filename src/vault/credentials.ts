/**
 * Credentials records (an exchange account's API key, secret, password…) as the vault accepts
 * them, and the masked hint shown in lists. Errors name the field, never its value.
 */

/** Field name → value, e.g. { apiKey, secret } or { apiKey, secret, password }. */
export type Credentials = Record<string, string>;

export const MAX_SECRET_ID_LENGTH = 200;
const MAX_FIELD_LENGTH = 10_000;

/** Thrown for bad input; `field` names the input at fault (never its value). */
export class VaultInputError extends Error {
  override name = 'VaultInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function checkSecretId(id: unknown): string {
  if (typeof id !== 'string' || id.trim() === '' || id.length > MAX_SECRET_ID_LENGTH) {
    throw new VaultInputError(
      'id',
      `The secret's id must be 1–${MAX_SECRET_ID_LENGTH} characters.`,
    );
  }
  return id;
}

/** A copy of `value` when it is a valid credentials record; throws VaultInputError otherwise. */
export function checkCredentials(value: unknown): Credentials {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new VaultInputError('credentials', 'Credentials must be a record of named values.');
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) {
    throw new VaultInputError('credentials', 'Credentials need at least one field.');
  }
  const copy: Credentials = {};
  for (const [field, fieldValue] of entries) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(field)) {
      throw new VaultInputError('credentials', `"${field.slice(0, 64)}" is not a field name.`);
    }
    if (typeof fieldValue !== 'string' || fieldValue.length > MAX_FIELD_LENGTH) {
      throw new VaultInputError(
        `credentials.${field}`,
        `${field} must be text of at most ${MAX_FIELD_LENGTH} characters.`,
      );
    }
    copy[field] = fieldValue;
  }
  return copy;
}

/** "••••" and the API key's last 4 characters, when the key is long enough to spare them. */
export function credentialsHint(credentials: Credentials): string {
  const apiKey = credentials.apiKey ?? '';
  return apiKey.length >= 16 ? `••••${apiKey.slice(-4)}` : '';
}
