/**
 * A Bluesky post record (`app.bsky.feed.post`) as a `ListenItem`, whichever way it arrived: decoded
 * from the firehose's CBOR by @atproto/sync, or as Jetstream's JSON. Both shapes agree on every
 * field read here (strings, numbers, `$type`). Hashtags, links and mentions come from the facets
 * (`app.bsky.richtext.facet`, UTF-8 byte ranges) plus the record's `tags`, its link card and its
 * quoted post. Records are untrusted input: every field is checked before use.
 */
import { unique } from './text-entities.js'
import type { ListenItem } from './types.js'

export const postCollection = 'app.bsky.feed.post'

type Fields = Record<string, unknown>

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const field = (value: unknown, name: string): unknown => (isFields(value) ? value[name] : undefined)

/** The AT URI of a post. */
export function postUri(did: string, rkey: string): string {
  return `at://${did}/${postCollection}/${rkey}`
}

/** The bsky.app page of a post, by DID so the link survives a handle change. */
export function postWebUrl(did: string, rkey: string): string {
  return `https://bsky.app/profile/${did}/post/${rkey}`
}

interface Entities {
  hashtags: string[]
  links: string[]
  mentions: string[]
}

/** What the facets mark up; a mention is named by its text (`@alice.test` → `alice.test`), else its DID. */
function facetEntities(text: string, facets: unknown): Entities {
  const bytes = Buffer.from(text, 'utf8')
  const found: Entities = { hashtags: [], links: [], mentions: [] }
  for (const facet of list(facets)) {
    const start = field(field(facet, 'index'), 'byteStart')
    const end = field(field(facet, 'index'), 'byteEnd')
    const slice = typeof start === 'number' && typeof end === 'number' && start >= 0 && end <= bytes.length && start < end
      ? bytes.subarray(start, end).toString('utf8')
      : ''
    for (const feature of list(field(facet, 'features'))) {
      const type = str(field(feature, '$type'))
      if (type === 'app.bsky.richtext.facet#tag') {
        const tag = str(field(feature, 'tag'))
        if (tag) found.hashtags.push(tag.replace(/^#/, '').toLowerCase())
      } else if (type === 'app.bsky.richtext.facet#link') {
        const uri = str(field(feature, 'uri'))
        if (uri && URL.canParse(uri)) found.links.push(new URL(uri).href)
      } else if (type === 'app.bsky.richtext.facet#mention') {
        const did = str(field(feature, 'did'))
        const handle = /^@([^\s@]+)$/.exec(slice.trim())?.[1]
        if (handle) found.mentions.push(handle.toLowerCase())
        else if (did) found.mentions.push(did)
      }
    }
  }
  return found
}

/** The link card's URL and the quoted post's URI, from an embed of any of the kinds that carry them. */
function embedParts(embed: unknown): { link?: string; quote?: string } {
  const type = str(field(embed, '$type'))
  if (type === 'app.bsky.embed.external') {
    const uri = str(field(field(embed, 'external'), 'uri'))
    return uri && URL.canParse(uri) ? { link: new URL(uri).href } : {}
  }
  if (type === 'app.bsky.embed.record') return { quote: str(field(field(embed, 'record'), 'uri')) }
  if (type === 'app.bsky.embed.recordWithMedia') {
    return { ...embedParts(field(embed, 'media')), quote: str(field(field(field(embed, 'record'), 'record'), 'uri')) }
  }
  return {}
}

/** Where and when a post was seen on the stream. */
export interface PostContext {
  did: string
  rkey: string
  /** The author's handle, when known. */
  handle?: string
  /** When the stream saw it (epoch ms): the date used when the record's own is missing or absurd. */
  seenAt: number
}

/** How far in the future a `createdAt` may be before it is not believed (clock skew). */
const futureSlackMs = 10 * 60_000

/** A post record as an item; undefined when it is not a post record (no text field). */
export function postToItem(record: unknown, context: PostContext): ListenItem | undefined {
  const text = str(field(record, 'text'))
  if (text === undefined) return undefined
  const entities = facetEntities(text, field(record, 'facets'))
  const embed = embedParts(field(record, 'embed'))
  const tags = list(field(record, 'tags')).map(str).filter((t): t is string => Boolean(t)).map((t) => t.replace(/^#/, '').toLowerCase())
  const lang = list(field(record, 'langs')).map(str).find(Boolean)
  const created = Date.parse(str(field(record, 'createdAt')) ?? '')
  // createdAt is what the author's app claims; a date far ahead is not believed.
  const publishedAt = Number.isNaN(created) || created > context.seenAt + futureSlackMs ? context.seenAt : created
  const replyTo = str(field(field(field(record, 'reply'), 'parent'), 'uri'))
  const handle = context.handle && context.handle !== 'handle.invalid' ? context.handle : undefined
  return {
    key: postUri(context.did, context.rkey),
    sourceKind: 'bluesky',
    text,
    replyRef: { remoteId: postUri(context.did, context.rkey) },
    url: postWebUrl(context.did, context.rkey),
    ...(handle ? { authorHandle: handle } : {}),
    authorUrl: `https://bsky.app/profile/${handle ?? context.did}`,
    authorDid: context.did,
    ...(lang ? { lang } : {}),
    hashtags: unique([...entities.hashtags, ...tags]),
    links: unique([...entities.links, ...(embed.link ? [embed.link] : [])]),
    mentions: unique(entities.mentions),
    publishedAt,
    ...(replyTo ? { replyTo } : {}),
    ...(embed.quote ? { quoteOf: embed.quote } : {}),
  }
}

/** A deletion as an item (`deleted: true`), for callers that asked for them. */
export function deletionItem(did: string, rkey: string, seenAt: number): ListenItem {
  return { key: postUri(did, rkey), sourceKind: 'bluesky', text: '', authorDid: did, hashtags: [], links: [], mentions: [], publishedAt: seenAt, deleted: true }
}
