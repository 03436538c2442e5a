/**
 * Connected accounts: Settings → Accounts, and the pieces other pages show an account with
 * (its picture with the network's mark, its status badge, the network's icon).
 */
export { AccountsSettings } from './AccountsSettings'
export { AccountAvatar } from './AccountAvatar'
export { AccountStatusBadge } from './AccountStatusBadge'
export { NetworkIcon, networkColor } from './NetworkIcon'
export { accountsKey, useAccounts, useNetworks } from './account-queries'
