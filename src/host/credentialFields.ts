/**
 * How the credential fields ccxt asks for (`requiredCredentials`) are labelled and entered:
 * the Accounts form renders exactly these, secrets as password inputs; the host names them in
 * its field errors ("credentials.secret": "Enter the API secret.").
 */

const LABELS: Record<string, string> = {
  apiKey: 'API key',
  secret: 'API secret',
  password: 'API passphrase',
  uid: 'User ID',
  accountId: 'Account ID',
  login: 'Login',
  privateKey: 'Private key',
  walletAddress: 'Wallet address',
  token: 'Token',
  twofa: 'Two-factor secret',
};

/** Fields that identify rather than authenticate; every other field is masked. */
const PUBLIC_FIELDS = new Set(['apiKey', 'uid', 'accountId', 'login', 'walletAddress']);

/** "API key" for "apiKey"; unknown fields are spelled out from their camelCase name. */
export function credentialLabel(field: string): string {
  return (
    LABELS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase())
  );
}

/** Whether the field is a secret (entered in a password input, never shown again). */
export function isSecretCredential(field: string): boolean {
  return !PUBLIC_FIELDS.has(field);
}
