/**
 * The sources a workspace listens to: a news or review feed, a Bluesky firehose (a relay, or a
 * Jetstream service), a Mastodon instance's public hashtag timeline. Behind each is a stream,
 * shared with every other workspace that listens to the same thing and read once for all. Every
 * address goes through the URL guard when it is entered (and again on every connection).
 */
import { AppError, errors } from '../domain/index.js'
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
import { checkListenSourceUrl, ListenSourceError, normalizeHashtag } from './sources/index.js'

export type SourceInput =
  | { kind: 'feed'; url: string }
  | { kind: 'bluesky'; mode: 'firehose' | 'jetstream'; service: string }
  | { kind: 'mastodon'; instanceUrl: string; hashtag: string }

/** The stream's configuration as its reader takes it. */
export type StreamConfig = SourceInput

/** Runs a check of the sources layer; its refusal is named under the field it came from. */
async function atField<T>(field: string, check: () => T | Promise<T>): Promise<T> {
  try {
    return await check()
  } catch (error) {
    if (error instanceof ListenSourceError) throw new AppError('validation', 'listen_source_address', {}, [{ field, messageKey: `errors.${error.messageKey}` }])
    throw error
  }
}

/** Checks the addresses (the same rules the readers apply) and gives the stream's key, label and configuration. */
async function describe(ctx: ListenContext, input: SourceInput): Promise<{ key: string; label: string; config: StreamConfig }> {
  const allowPrivate = ctx.allowPrivateUrls
  switch (input.kind) {
    case 'feed': {
      const url = await atField('url', () => checkListenSourceUrl(input.url, { kind: 'feed', allowPrivate }))
      return { key: `feed:${url.href}`, label: url.host + url.pathname, config: { kind: 'feed', url: url.href } }
    }
    case 'bluesky': {
      const url = await atField('service', () => checkListenSourceUrl(input.service, { kind: 'bluesky', allowPrivate }))
      return { key: `bluesky:${input.mode}:${url.href}`, label: `${url.host} (${input.mode})`, config: { kind: 'bluesky', mode: input.mode, service: url.href } }
    }
    case 'mastodon': {
      const url = await atField('instanceUrl', () => checkListenSourceUrl(input.instanceUrl, { kind: 'mastodon', allowPrivate }))
      const hashtag = await atField('hashtag', () => normalizeHashtag(input.hashtag))
      return { key: `mastodon:${url.origin}:${hashtag}`, label: `#${hashtag} @ ${url.host}`, config: { kind: 'mastodon', instanceUrl: url.origin, hashtag } }
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
