/**
 * Post records to items, for the shapes the firehose and Jetstream deliver: facets over UTF-8 byte
 * ranges in multi-byte scripts, the embeds that carry links and quotes, and records that lie.
 */
import { describe, expect, it } from 'vitest'
import { parseJetstreamEvent } from './bluesky-jetstream.js'
import { postToItem } from './bluesky-post.js'

const did = 'did:plc:abc123'
const context = { did, rkey: '3kabc', handle: 'lune.example', seenAt: Date.UTC(2026, 10, 30, 12) }

/** A facet over `part`'s UTF-8 bytes in `text`. */
function facet(text: string, part: string, feature: Record<string, unknown>) {
  const start = Buffer.byteLength(text.slice(0, text.indexOf(part)), 'utf8')
  return { index: { byteStart: start, byteEnd: start + Buffer.byteLength(part, 'utf8') }, features: [feature] }
}

describe('postToItem', () => {
  it('reads hashtags, links and mentions from facets placed by UTF-8 bytes after Arabic, Hebrew and Bengali text', () => {
    const text = 'مقهى رائع ☕ קפה দারুণ #CafeLune @friend.example cafe-lune.com/menu'
    const record = {
      $type: 'app.bsky.feed.post',
      text,
      langs: ['ar', 'he'],
      createdAt: '2026-11-30T11:59:00.000Z',
      tags: ['Coffee'],
      facets: [
        facet(text, '#CafeLune', { $type: 'app.bsky.richtext.facet#tag', tag: 'CafeLune' }),
        facet(text, '@friend.example', { $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:friend' }),
        facet(text, 'cafe-lune.com/menu', { $type: 'app.bsky.richtext.facet#link', uri: 'https://cafe-lune.com/menu' }),
      ],
      embed: {
        $type: 'app.bsky.embed.recordWithMedia',
        record: { record: { uri: 'at://did:plc:other/app.bsky.feed.post/3kq', cid: 'bafy' } },
        media: { $type: 'app.bsky.embed.external', external: { uri: 'https://news.example/story', title: 't', description: 'd' } },
      },
      reply: { root: { uri: 'at://did:plc:other/app.bsky.feed.post/3kr', cid: 'x' }, parent: { uri: 'at://did:plc:other/app.bsky.feed.post/3kp', cid: 'y' } },
    }
    expect(postToItem(record, context)).toEqual({
      key: `at://${did}/app.bsky.feed.post/3kabc`,
      sourceKind: 'bluesky',
      replyRef: { remoteId: `at://${did}/app.bsky.feed.post/3kabc` },
      text,
      url: `https://bsky.app/profile/${did}/post/3kabc`,
      authorHandle: 'lune.example',
      authorUrl: 'https://bsky.app/profile/lune.example',
      authorDid: did,
      lang: 'ar',
      hashtags: ['cafelune', 'coffee'],
      links: ['https://cafe-lune.com/menu', 'https://news.example/story'],
      mentions: ['friend.example'],
      publishedAt: Date.UTC(2026, 10, 30, 11, 59),
      replyTo: 'at://did:plc:other/app.bsky.feed.post/3kp',
      quoteOf: 'at://did:plc:other/app.bsky.feed.post/3kq',
    })
  })

  it('does not trust what a record claims: bad offsets, odd types, dates far ahead, an invalid handle', () => {
    const item = postToItem(
      {
        text: 'hi',
        langs: 'en',
        createdAt: '2099-01-01T00:00:00Z',
        facets: [
          { index: { byteStart: 5, byteEnd: 2 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:x' }] },
          { index: 'nope', features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'not a url' }, { $type: 'app.bsky.richtext.facet#tag' }] },
          null,
        ],
        embed: { $type: 'app.bsky.embed.external', external: { uri: 42 } },
      },
      { ...context, handle: 'handle.invalid' },
    )
    expect(item).toMatchObject({ text: 'hi', hashtags: [], links: [], mentions: ['did:plc:x'], publishedAt: context.seenAt, authorUrl: `https://bsky.app/profile/${did}` })
    expect(item).not.toHaveProperty('authorHandle')
    expect(item).not.toHaveProperty('lang')
    expect(postToItem({ $type: 'app.bsky.feed.like', subject: {} }, context)).toBeUndefined()
  })
})

describe('parseJetstreamEvent', () => {
  it('reads commits, identity and account events, and rejects what is not an event', () => {
    const commit = parseJetstreamEvent(
      JSON.stringify({ did, time_us: 1725911162329308, kind: 'commit', commit: { rev: 'r', operation: 'create', collection: 'app.bsky.feed.post', rkey: '3l3q', record: { text: 'x' }, cid: 'bafy' } }),
    )
    expect(commit).toEqual({ did, timeUs: 1725911162329308, kind: 'commit', operation: 'create', collection: 'app.bsky.feed.post', rkey: '3l3q', record: { text: 'x' } })
    expect(parseJetstreamEvent(JSON.stringify({ did, time_us: 1, kind: 'identity', identity: { did, handle: 'a.b', seq: 1, time: 't' } }))).toMatchObject({ kind: 'identity' })
    expect(parseJetstreamEvent('{"did": 1}')).toBeUndefined()
    expect(parseJetstreamEvent('not json')).toBeUndefined()
  })
})
