/** The inbox as the API shows it: items with their author, our post they answer, answers and notes. */
import { z } from 'zod'
import type { InboxItemDetail, InboxItemView, ResponseTimes, ThreadAbove, ThreadMessageView } from '../engage/index.js'
import type { SavedReplyRow } from '../store/index.js'

const author = z.object({
  remoteId: z.string(),
  handle: z.string(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
  url: z.string().nullable(),
  followers: z.number().nullable(),
  followsUs: z.boolean().nullable(),
  /** Items they have sent the workspace, this one included. */
  items: z.number(),
})

export const inboxItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['reply', 'mention', 'quote']),
  network: z.string(),
  accountId: z.string(),
  accountHandle: z.string(),
  text: z.string(),
  lang: z.string().nullable(),
  url: z.string().nullable(),
  conversationKey: z.string(),
  author,
  inReplyTo: z.object({ remoteId: z.string(), url: z.string().nullable(), ours: z.object({ postId: z.string(), text: z.string(), url: z.string().nullable() }).nullable() }).nullable(),
  question: z.boolean(),
  sentiment: z.enum(['positive', 'neutral', 'negative']),
  status: z.enum(['open', 'done']),
  assigneeId: z.string().nullable(),
  snoozedUntil: z.number().nullable(),
  deleted: z.boolean(),
  createdAt: z.number(),
  receivedAt: z.number(),
  firstResponseAt: z.number().nullable(),
  /** From when it was written (or the account connected) to the first answer from the app. */
  responseMs: z.number().nullable(),
  respondedBy: z.string().nullable(),
  /** An answer kept as a draft, waiting, being sent or failed. */
  pendingReplyId: z.string().nullable(),
})

export function presentInboxItem(view: InboxItemView): z.infer<typeof inboxItemSchema> {
  const i = view.item
  return {
    id: i.id,
    kind: i.kind,
    network: i.network,
    accountId: i.accountId,
    accountHandle: view.accountHandle,
    text: i.text,
    lang: i.lang,
    url: view.postRef.url ?? null,
    conversationKey: i.conversationKey,
    author: {
      remoteId: i.authorRemoteId,
      handle: i.authorHandle,
      name: i.authorName,
      avatarUrl: i.authorAvatar,
      url: i.authorUrl,
      followers: i.authorFollowers,
      followsUs: i.authorFollowsUs === null ? null : i.authorFollowsUs === 1,
      items: view.authorItems,
    },
    inReplyTo: view.inReplyTo ? { remoteId: view.inReplyTo.remoteId, url: view.inReplyTo.url ?? null, ours: view.ours } : null,
    question: i.question === 1,
    sentiment: i.sentiment,
    status: i.status,
    assigneeId: i.assigneeId,
    snoozedUntil: i.snoozedUntil,
    deleted: i.deletedAt !== null,
    createdAt: i.createdAt,
    receivedAt: i.receivedAt,
    firstResponseAt: i.firstResponseAt,
    responseMs: i.firstResponseAt === null ? null : Math.max(0, i.firstResponseAt - i.createdAt),
    respondedBy: i.respondedBy,
    pendingReplyId: i.pendingReplyId,
  }
}

export const inboxDetailSchema = z.object({
  item: inboxItemSchema,
  conversation: z.array(inboxItemSchema),
  notes: z.array(z.object({ id: z.string(), authorId: z.string().nullable(), text: z.string(), createdAt: z.number() })),
  replies: z.array(
    z.object({
      postId: z.string(),
      text: z.string(),
      authorId: z.string().nullable(),
      status: z.string(),
      targetStatus: z.string(),
      publishedAt: z.number().nullable(),
      url: z.string().nullable(),
      /** The network's reason, when sending failed or waits. */
      error: z.string().nullable(),
      /** Why it failed or waits: rejected, transient, auth_expired, account_<status>, workspace_paused. */
      errorKind: z.string().nullable(),
      createdAt: z.number(),
    }),
  ),
})

export function presentInboxDetail(detail: InboxItemDetail): z.infer<typeof inboxDetailSchema> {
  return {
    item: presentInboxItem(detail),
    conversation: detail.conversation.map(presentInboxItem),
    notes: detail.notes.map((n) => ({ id: n.id, authorId: n.authorId, text: n.text, createdAt: Number(n.createdAt) })),
    replies: detail.replies.map((r) => ({
      postId: r.postId,
      text: r.text,
      authorId: r.authorId,
      status: r.status,
      targetStatus: r.targetStatus,
      publishedAt: r.publishedAt,
      url: r.remoteUrl,
      error: r.errorReason,
      errorKind: r.errorKind,
      createdAt: r.createdAt,
    })),
  }
}

const statsSchema = z.object({ items: z.number(), answered: z.number(), medianMs: z.number().nullable(), withinTarget: z.number(), shareWithinTarget: z.number().nullable() })
export const responseTimesSchema = z.object({
  targetMinutes: z.number(),
  overall: statsSchema,
  byWeek: z.array(z.object({ key: z.string(), stats: statsSchema })),
  byNetwork: z.array(z.object({ key: z.string(), stats: statsSchema })),
  byResponder: z.array(z.object({ key: z.string(), stats: statsSchema })),
})

export function presentResponseTimes(times: ResponseTimes): z.infer<typeof responseTimesSchema> {
  return times
}

export const savedReplySchema = z.object({ id: z.string(), language: z.string(), title: z.string(), text: z.string(), createdAt: z.number(), updatedAt: z.number() })

export function presentSavedReply(row: SavedReplyRow): z.infer<typeof savedReplySchema> {
  return { id: row.id, language: row.language, title: row.title, text: row.text, createdAt: Number(row.createdAt), updatedAt: Number(row.updatedAt) }
}

const threadMessageSchema = z.object({
  remoteId: z.string(),
  url: z.string().nullable(),
  text: z.string(),
  lang: z.string().nullable(),
  author: z.object({ remoteId: z.string(), handle: z.string(), name: z.string(), avatarUrl: z.string().nullable(), url: z.string().nullable() }),
  /** Written by the account the item came to. */
  ours: z.boolean(),
  createdAt: z.number(),
})

export const threadAboveSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true), deleted: z.boolean(), cut: z.boolean(), ancestors: z.array(threadMessageSchema) }),
  z.object({ available: z.literal(false), reason: z.enum(['unsupported', 'auth_expired', 'rate_limited', 'unreachable']) }),
])

function presentThreadMessage(m: ThreadMessageView): z.infer<typeof threadMessageSchema> {
  return {
    remoteId: m.post.remoteId,
    url: m.post.url ?? null,
    text: m.text,
    lang: m.language ?? null,
    author: { remoteId: m.author.remoteId, handle: m.author.handle, name: m.author.displayName || m.author.handle, avatarUrl: m.author.avatarUrl ?? null, url: m.author.profileUrl ?? null },
    ours: m.ours,
    createdAt: m.createdAt,
  }
}

export function presentThreadAbove(thread: ThreadAbove): z.infer<typeof threadAboveSchema> {
  return thread.available ? { available: true, deleted: thread.deleted, cut: thread.cut, ancestors: thread.ancestors.map(presentThreadMessage) } : thread
}
