/** An item as the inbox stores it, from what the network said. */
import { isQuestion } from '../domain/index.js'
import type { RemoteNotification } from '../networks/index.js'
import { newId, type Account, type NewInboxItem } from '../store/index.js'
import type { EngageContext } from './context.js'

/** The conversation an item belongs to: its thread's root post (or the post it answers, or itself). */
export function conversationKeyOf(item: RemoteNotification): string {
  return item.post.root?.remoteId ?? item.inReplyTo?.remoteId ?? item.post.remoteId
}

export function toRow(ctx: EngageContext, account: Account, item: RemoteNotification, now: number): NewInboxItem {
  const sentiment = ctx.sentiment.score(item.text, item.language)
  return {
    id: newId(now),
    workspaceId: account.workspaceId,
    accountId: account.id,
    network: account.network,
    remoteId: item.remoteId,
    kind: item.kind,
    text: item.text,
    lang: item.language ?? null,
    postRef: JSON.stringify(item.post),
    inReplyTo: item.inReplyTo ? JSON.stringify(item.inReplyTo) : null,
    conversationKey: conversationKeyOf(item),
    authorRemoteId: item.author.remoteId,
    authorHandle: item.author.handle,
    authorName: item.author.displayName || item.author.handle,
    authorAvatar: item.author.avatarUrl ?? null,
    authorUrl: item.author.profileUrl ?? null,
    authorFollowers: item.author.followers ?? null,
    authorFollowsUs: item.author.followsUs === undefined ? null : item.author.followsUs ? 1 : 0,
    question: isQuestion(item.text, item.language) ? 1 : 0,
    sentiment: sentiment.label,
    createdAt: item.createdAt,
    receivedAt: now,
    updatedAt: now,
  }
}
