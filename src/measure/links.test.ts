/**
 * Tracked links on real databases: a post target's links rewritten (the same links the counters
 * see, the same text on a retry, tracking off per post and per workspace), and standalone links
 * with their UTM tags and address checks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestStore, dialectsUnderTest } from '../../test/helpers/stores.js'
import { AppError, findLinks } from '../domain/index.js'
import { silentLogger } from '../jobs/index.js'
import { createRegistry } from '../networks/index.js'
import { createMeasureContext, type MeasureContext } from './context.js'
import { createStandaloneLink, isLinkCode, newLinkCode, shortLinkLength, trackTargetLinks } from './links.js'

const t0 = Date.UTC(2026, 4, 12, 10, 0)
const publicUrl = new URL('https://social.cafe-lune.example')

describe('codes', () => {
  it('are 8 URL-safe characters, random enough not to repeat', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => newLinkCode()))
    expect(codes.size).toBe(5000)
    for (const code of codes) expect(isLinkCode(code)).toBe(true)
    expect(isLinkCode('abc')).toBe(false)
    expect(isLinkCode('abcd-efg')).toBe(false)
    expect(shortLinkLength(publicUrl)).toBe('https://social.cafe-lune.example/l/'.length + 8)
  })
})

describe.each(dialectsUnderTest())('tracked links on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof createTestStore>>
  let ctx: MeasureContext

  beforeEach(async () => {
    s = await createTestStore(dialect)
    ctx = createMeasureContext({ db: s.db, logger: silentLogger, publicUrl, networks: createRegistry([]), now: () => t0 })
    const db = s.db
    await db.insertInto('workspaces').values({ id: 'w1', name: 'Café Lune', timeZone: 'UTC', locale: 'en', createdAt: t0 }).execute()
    await db.insertInto('users').values({ id: 'u1', email: 'a@example.com', name: 'A', passwordHash: 'x', locale: null, createdAt: t0, updatedAt: t0 }).execute()
    await db
      .insertInto('accounts')
      .values({ id: 'a1', workspaceId: 'w1', network: 'bluesky', remoteId: 'did:plc:x', handle: 'cafe', displayName: 'Café', avatarUrl: null, profileUrl: 'https://bsky.app/profile/cafe', credentials: 'sealed', settings: '{}', status: 'active', statusReason: null, expiresAt: null, checkedAt: null, connectedBy: 'u1', createdAt: t0, updatedAt: t0 })
      .execute()
    for (const [postId, trackLinks] of [['p1', 1], ['p2', 0]] as const) {
      await db
        .insertInto('posts')
        .values({ id: postId, workspaceId: 'w1', authorId: 'u1', text: 'x', status: 'publishing', scheduleMode: 'now', scheduledAt: t0, contentType: null, source: 'composer', sourceRef: null, trackLinks, approvedBy: null, approvedAt: null, createdAt: t0, updatedAt: t0 })
        .execute()
      await db
        .insertInto('postTargets')
        .values({ id: `${postId}-t1`, postId, accountId: 'a1', text: null, status: 'publishing', firstAttemptAt: null, nextAttemptAt: null, remoteId: null, remoteCid: null, remoteUrl: null, publishedAt: null, errorKind: null, errorReason: null, createdAt: t0, updatedAt: t0 })
        .execute()
    }
  })
  afterEach(() => s.cleanup())

  const text = 'Fresh bread at 7 (https://cafe-lune.example/menu). Order: https://shop.example/bread?size=l, again https://cafe-lune.example/menu! And https://social.cafe-lune.example/l/AbCd1234 stays.'
  const input = { workspaceId: 'w1', postId: 'p1', targetId: 'p1-t1', network: 'bluesky', text }

  it("rewrites every link the counters see to a short link with the post's UTM tags", async () => {
    const out = await trackTargetLinks(ctx, { ...input, campaign: 'Spring menu' })
    const shorts = findLinks(out)
    expect(shorts).toHaveLength(4)
    expect(shorts[0]).toMatch(/^https:\/\/social\.cafe-lune\.example\/l\/[0-9A-Za-z]{8}$/)
    // The same address twice is one link; our own short link is left alone; punctuation stays.
    expect(shorts[2]).toBe(shorts[0])
    expect(shorts[3]).toBe('https://social.cafe-lune.example/l/AbCd1234')
    expect(out).toContain(`(${shorts[0]}).`)
    expect(out.replace(/\/l\/[0-9A-Za-z]{8}/g, '/l/CODE')).toBe(
      'Fresh bread at 7 (https://social.cafe-lune.example/l/CODE). Order: https://social.cafe-lune.example/l/CODE, again https://social.cafe-lune.example/l/CODE! And https://social.cafe-lune.example/l/CODE stays.',
    )
    const rows = await s.db.selectFrom('trackedLinks').selectAll().orderBy('url').execute()
    expect(rows.map((r) => [r.url, r.destination, r.postId, r.targetId, r.network, r.campaign])).toEqual([
      ['https://cafe-lune.example/menu', 'https://cafe-lune.example/menu?utm_source=bluesky&utm_medium=social&utm_campaign=Spring%20menu&utm_content=p1', 'p1', 'p1-t1', 'bluesky', 'Spring menu'],
      ['https://shop.example/bread?size=l', 'https://shop.example/bread?size=l&utm_source=bluesky&utm_medium=social&utm_campaign=Spring%20menu&utm_content=p1', 'p1', 'p1-t1', 'bluesky', 'Spring menu'],
    ])
  })

  it('gives a retry the very same text, with no new link', async () => {
    const first = await trackTargetLinks(ctx, input)
    const second = await trackTargetLinks(ctx, input)
    expect(second).toBe(first)
    expect(await s.db.selectFrom('trackedLinks').select('id').execute()).toHaveLength(2)
    const [row] = await s.db.selectFrom('trackedLinks').select('destination').where('url', '=', 'https://shop.example/bread?size=l').execute()
    expect(row!.destination).toContain('utm_campaign=social')
  })

  it('leaves the text as written when the post or the workspace has tracking off', async () => {
    expect(await trackTargetLinks(ctx, { ...input, postId: 'p2', targetId: 'p2-t1' })).toBe(text)
    await s.db.updateTable('workspaces').set({ trackLinks: 0 }).execute()
    expect(await trackTargetLinks(ctx, input)).toBe(text)
    expect(await s.db.selectFrom('trackedLinks').select('id').execute()).toHaveLength(0)
    expect(await trackTargetLinks(ctx, { ...input, text: 'No links here.' })).toBe('No links here.')
  })

  it('makes standalone links with the label as UTM source, and refuses addresses that are not http(s)', async () => {
    const link = await createStandaloneLink(ctx, { userId: 'u1', workspaceId: 'w1' }, { url: ' https://cafe-lune.example/?utm_source=keep#hours ', label: 'Flyer été', campaign: 'Spring' })
    expect(link).toMatchObject({ url: 'https://cafe-lune.example/?utm_source=keep#hours', label: 'Flyer été', campaign: 'Spring', postId: null, createdBy: 'u1', clicks: 0 })
    expect(link.destination).toBe('https://cafe-lune.example/?utm_source=keep&utm_medium=link&utm_campaign=Spring#hours')
    const plain = await createStandaloneLink(ctx, { userId: 'u1', workspaceId: 'w1' }, { url: 'https://cafe-lune.example/menu' })
    expect(plain.destination).toBe('https://cafe-lune.example/menu?utm_source=link&utm_medium=link')
    for (const [url, reason] of [['javascript:alert(1)', 'unsupported_protocol'], ['ftp://x.example/', 'unsupported_protocol'], ['cafe-lune', 'invalid_url'], ['https://me:pw@x.example/', 'credentials_in_url']]) {
      const error = await createStandaloneLink(ctx, { userId: 'u1', workspaceId: 'w1' }, { url: url! }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).fields).toEqual([{ field: 'url', messageKey: `measure.link_url.${reason}` }])
    }
  })
})
