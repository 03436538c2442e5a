/**
 * The sources a workspace listens to: a news or review feed, a Bluesky firehose (a relay, or a
 * Jetstream service), a Mastodon instance's public hashtag timeline. Behind each is a stream,
 * shared with every other workspace that listens to the same thing and read once for all. Every
 * address goes through the URL guard when it is entered (and again on every connection).
 */
import { AppError, errors } from '../domain/index.js'
import { checkPublicUrl, UrlRejectedError } from '../security/index.js'
import {
  deleteListenSource,
  ensureListenStream,
  findListenSourceByStream,
  findListenStream,
  insertListenSource,
  newId,
  type ListenSource,
  type ListenStream,
} from '../store/index.js'
import type { ListenActor, ListenContext } from './context.js'
import { pollStream } from './readers.js'

export type SourceInput =
  | { kind: 'feed'; url: string }
  | { kind: 'bluesky'; mode: 'firehose' | 'jetstream'; service: string }
  | { kind: 'mastodon'; instanceUrl: string; hashtag: string }

/** The stream's configuration as its reader takes it. */
export type StreamConfig = SourceInput

async function guard(ctx: ListenContext, raw: string, field: string): Promise<URL> {
  // A relay is a WebSocket address; the guard reads it as the HTTP address it upgrades from.
  const http = raw.replace(/^ws(s?):\/\//i, 'http$1://')
  try {
    return await checkPublicUrl(http, { allowPrivate: ctx.allowPrivateUrls })
  } catch (error) {
    // Named under the field it came from, so the form shows it there.
    if (error instanceof UrlRejectedError) throw new AppError('validation', 'listen_source_address', {}, [{ field, messageKey: `errors.url_${error.reason}` }])
    throw error
  }
}

function normalizeHashtag(tag: string): string {
  return tag.trim().replace(/^#/, '').normalize('NFKC')
}

/** Checks the addresses and gives the stream's key, label and configuration. */
async function describe(ctx: ListenContext, input: SourceInput): Promise<{ key: string; label: string; config: StreamConfig }> {
  switch (input.kind) {
    case 'feed': {
      const url = await guard(ctx, input.url.trim(), 'url')
      return { key: `feed:${url.href}`, label: url.host + url.pathname, config: { kind: 'feed', url: url.href } }
    }
    case 'bluesky': {
      const url = await guard(ctx, input.service.trim(), 'service')
      const service = url.origin.replace(/^http/, 'ws')
      return { key: `bluesky:${input.mode}:${service}`, label: `${url.host} (${input.mode})`, config: { kind: 'bluesky', mode: input.mode, service } }
    }
    case 'mastodon': {
      const url = await guard(ctx, input.instanceUrl.trim(), 'instanceUrl')
      const hashtag = normalizeHashtag(input.hashtag)
      if (!/^[\p{L}\p{M}\p{N}_]{1,100}$/u.test(hashtag)) throw errors.badRequest('listen_hashtag_invalid')
      return { key: `mastodon:${url.origin}:${hashtag.toLowerCase()}`, label: `#${hashtag} @ ${url.host}`, config: { kind: 'mastodon', instanceUrl: url.origin, hashtag } }
    }
  }
}

/**
 * Adds a source. A polled source (feed, hashtag) is read once at once, so its recent items are
 * there for the query tester and a broken address is reported now rather than in an hour.
 */
export async function addSource(ctx: ListenContext, actor: ListenActor, input: SourceInput): Promise<ListenSource> {
  const { key, label, config } = await describe(ctx, input)
  if (await findListenSourceByStream(ctx.db, actor.workspaceId, key)) throw errors.conflict('listen_source_exists')
  const now = ctx.now()
  const stream: ListenStream = {
    key,
    kind: config.kind,
    config: JSON.stringify(config),
    cursor: null,
    status: 'active',
    errorReason: null,
    leaseOwner: null,
    leaseUntil: null,
    nextPollAt: now,
    lastItemAt: null,
    itemsSeen: 0,
    updatedAt: now,
  }
  await ensureListenStream(ctx.db, stream)
  const source: ListenSource = { id: newId(now), workspaceId: actor.workspaceId, streamKey: key, label, createdBy: actor.userId, createdAt: now }
  await insertListenSource(ctx.db, source)
  const existing = (await findListenStream(ctx.db, key))!
  if (existing.kind !== 'bluesky' && existing.cursor === null) await pollStream(ctx, existing)
  return source
}

export async function removeSource(ctx: ListenContext, actor: ListenActor, id: string): Promise<void> {
  if (!(await deleteListenSource(ctx.db, actor.workspaceId, id))) throw errors.notFound('listen_source')
}
