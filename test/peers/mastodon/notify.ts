/**
 * The notifications a new status causes, derived the way Mastodon derives them when it is posted:
 * - `mention`: one per local account the text mentions (ProcessMentionsService makes one Mention
 *   per account and status; LocalNotificationWorker notifies it). A reply notifies nobody by
 *   itself: only a mention does ("Replies themselves don't trigger notifications, mentions do",
 *   mastodon/mastodon#21932; a reply notification is still an open request, #10865), which is
 *   why clients put `@author` at the start of a reply.
 * - `quote` (4.5.0 and later, docs.joinmastodon.org/client/quotes): the author of the quoted
 *   status, once the quote is accepted, which a local quote is at once.
 * NotifyService never notifies anyone of their own doing (`recipient == from_account`).
 */
import { atLeast, type PeerState, type StoredNotification, type StoredStatus } from './state.js'
import { extractEntities } from './text.js'

/** Local accounts a status mentions (`@name` or `@name@<this domain>`), each once. */
function mentionedLocalAccounts(state: PeerState, status: StoredStatus): string[] {
  const ids = new Set<string>()
  for (const entity of extractEntities(status.text)) {
    if (entity.kind !== 'mention') continue
    const [name = '', domain] = entity.value.split('@')
    if (domain !== undefined && domain.toLowerCase() !== state.domain.toLowerCase()) continue
    const account = [...state.accounts.values()].find((a) => a.username.toLowerCase() === name.toLowerCase())
    if (account) ids.add(account.id)
  }
  return [...ids]
}

/** Records the notifications `status` causes (see the module comment). */
export function notifyFor(state: PeerState, status: StoredStatus): void {
  const add = (type: StoredNotification['type'], accountId: string) => {
    if (accountId === status.accountId) return
    state.notifications.push({ id: state.notificationId(), type, accountId, fromAccountId: status.accountId, statusId: status.id, createdAt: status.createdAt })
  }
  for (const accountId of mentionedLocalAccounts(state, status)) add('mention', accountId)
  const quoted = status.quotedStatusId ? state.statuses.get(status.quotedStatusId) : undefined
  if (quoted && atLeast(state, '4.5.0')) add('quote', quoted.accountId)
}
