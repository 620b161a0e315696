/**
 * The test API key's permissions and Binance's answer to GET /sapi/v1/account/apiRestrictions,
 * which ccxt users read to warn about keys that may withdraw. Only the spot-relevant flags vary.
 */

export interface KeyPermissions {
  enableWithdrawals: boolean;
  enableSpotAndMarginTrading: boolean;
  ipRestrict: boolean;
}

/** A trade-only key, what docs/exchanges.md asks users to create. */
export const DEFAULT_KEY_PERMISSIONS: Readonly<KeyPermissions> = {
  enableWithdrawals: false,
  enableSpotAndMarginTrading: true,
  ipRestrict: false,
};

export function apiRestrictionsResponse(permissions: KeyPermissions, createTime: number) {
  return {
    ipRestrict: permissions.ipRestrict,
    createTime,
    enableReading: true,
    enableWithdrawals: permissions.enableWithdrawals,
    enableInternalTransfer: false,
    enableMargin: false,
    enableFutures: false,
    permitsUniversalTransfer: false,
    enableVanillaOptions: false,
    enableFixApiTrade: false,
    enableFixReadOnly: false,
    enableSpotAndMarginTrading: permissions.enableSpotAndMarginTrading,
    enablePortfolioMarginTrading: false,
  };
}
