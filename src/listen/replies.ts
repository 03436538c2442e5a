/**
 * Answering a mention from the app, with one of the workspace's connected accounts on the
 * mention's network: the reply is an ordinary post (so it goes through approval, the network's
 * length rule and the exactly-once dispatcher) that carries the network's reference to the
 * mention, and the connector threads it (Bluesky reply refs, Mastodon `in_reply_to_id`).
 */
import { errors } from '../domain/index.js'
import { createPost, schedulePost, type PostView } from '../publish/index.js'
import { findAccount, findMention } from '../store/index.js'
import type { ListenActor, ListenContext } from './context.js'

interface ReplyRef {
  remoteId: string
  /** Mastodon: the instance the status id belongs to. */
  server?: string
}

function origin(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).origin : undefined
}

/** Replies to a mention now (or, for an editor under approval, once an admin approves). */
export async function replyToMention(ctx: ListenContext, actor: ListenActor, mentionId: string, props: { accountId: string; text: string }): Promise<PostView> {
  const mention = await findMention(ctx.db, actor.workspaceId, mentionId)
  if (!mention) throw errors.notFound('mention')
  if (!mention.replyRef) throw errors.badRequest('listen_reply_not_possible')
  const account = await findAccount(ctx.db, actor.workspaceId, props.accountId)
  if (!account || account.status === 'disconnected') throw errors.notFound('account')
  if (account.network !== mention.sourceKind) throw errors.badRequest('listen_reply_other_network', { network: mention.sourceKind })
  const ref = JSON.parse(mention.replyRef) as ReplyRef
  if (ref.server) {
    // A Mastodon status id means something only on the instance that gave it.
    const server = (JSON.parse(account.settings) as { server?: string }).server
    if (!server || origin(server) !== origin(ref.server)) throw errors.badRequest('listen_reply_other_instance', { instance: new URL(ref.server).host })
  }
  const draft = await createPost(ctx.publish, actor, {
    text: props.text,
    targets: [{ accountId: account.id }],
    mediaIds: [],
    contentType: 'engage',
    source: 'listen',
    sourceRef: mention.id,
    replyTo: { remoteId: ref.remoteId, ...(mention.url ? { url: mention.url } : {}) },
  })
  return schedulePost(ctx.publish, actor, draft.post.id, { mode: 'now' })
}
