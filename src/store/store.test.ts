/**
 * The store suite: the same tests on SQLite and on the local PostgreSQL server, each on a fresh,
 * empty database migrated from nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestStore, dialectsUnderTest } from '../../test/helpers/stores.js'
import * as store from './index.js'
import { migrations } from './migrations/index.js'

const day = 24 * 3600_000
const t0 = Date.UTC(2026, 10, 23, 9, 30) // beyond 2^31 ms: times must survive as numbers

function user(id: string, email: string): store.User {
  return { id, email, name: `User ${id}`, passwordHash: 'scrypt$x', locale: null, createdAt: t0, updatedAt: t0 }
}

const workspace: store.Workspace = { id: 'w1', name: 'Café Lune', timeZone: 'Europe/Paris', locale: 'fr', createdAt: t0, approvalRequired: 0, crisisPause: 0, publishingPausedAt: null, publishingPausedReason: null, listenDigest: 1, trackLinks: 1, siteKey: null, responseTargetMinutes: 240 }

describe.each(dialectsUnderTest())('store on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof createTestStore>>
  beforeEach(async () => {
    s = await createTestStore(dialect)
  })
  afterEach(() => s.cleanup())

  it('migrates an empty database to the latest schema, and a second run does nothing', async () => {
    const tables = (await s.db.introspection.getTables())
      .filter((t) => s.schema === undefined || t.schema === s.schema)
      .map((t) => t.name)
      .filter((n) => !n.startsWith('schema_migrations'))
    expect(tables.sort()).toEqual([
      'account_metrics', 'accounts', 'activity_marks', 'alert_channels', 'alerts', 'api_keys', 'check_in_blocks', 'check_ins', 'click_days', 'clicks', 'coach_answers', 'coach_assessments',
      'coach_handles', 'coach_plans', 'coach_results', 'conversion_days', 'conversions', 'feed_items', 'feeds', 'inbox_cursors', 'inbox_items', 'inbox_notes', 'instance', 'invites', 'jobs',
      'listen_queries', 'listen_recent_items', 'listen_sources', 'listen_streams', 'measure_rollups', 'media', 'memberships',
      'mention_matches', 'mentions', 'open_click_days', 'post_days', 'post_hours', 'post_metric_snapshots', 'post_metrics', 'post_targets', 'posts', 'queue_slots', 'rate_windows', 'rolled_targets', 'saved_replies', 'sessions',
      'target_clicks', 'tracked_links', 'users', 'visitor_salts', 'workspaces',
    ])
    expect(await store.migrateToLatest(s)).toEqual([])
  })

  it('keeps migrations forward-only and in order', () => {
    const names = Object.keys(migrations)
    expect(names).toEqual([...names].sort())
    for (const [name, migration] of Object.entries(migrations)) {
      expect(migration.down, `${name} must not define down()`).toBeUndefined()
      expect(name).toMatch(/^\d{4}-[a-z0-9-]+$/)
    }
  })

  it('round-trips people and workspaces with times as numbers', async () => {
    await store.insertWorkspace(s.db, workspace)
    await store.insertUser(s.db, user('u1', 'a@example.com'))
    const found = await store.findUserByEmail(s.db, 'a@example.com')
    expect(found).toEqual(user('u1', 'a@example.com'))
    expect(typeof found!.createdAt).toBe('number')
    expect(await store.findWorkspace(s.db, 'w1')).toEqual(workspace)
    expect(await store.countWorkspaces(s.db)).toBe(1)
  })

  it('refuses a second account with the same e-mail', async () => {
    await store.insertUser(s.db, user('u1', 'a@example.com'))
    await expect(store.insertUser(s.db, user('u2', 'a@example.com'))).rejects.toThrow()
    expect(await store.findUser(s.db, 'u2')).toBeUndefined()
  })

  it('lists members with their names and counts roles', async () => {
    await store.insertWorkspace(s.db, workspace)
    await store.insertUser(s.db, user('u1', 'a@example.com'))
    await store.insertUser(s.db, user('u2', 'b@example.com'))
    await store.insertMembership(s.db, { workspaceId: 'w1', userId: 'u1', role: 'owner', createdAt: t0 })
    await store.insertMembership(s.db, { workspaceId: 'w1', userId: 'u2', role: 'editor', createdAt: t0 + 1 })
    expect((await store.listMembers(s.db, 'w1')).map((m) => [m.name, m.role])).toEqual([
      ['User u1', 'owner'],
      ['User u2', 'editor'],
    ])
    expect(await store.countMembersWithRole(s.db, 'w1', 'owner')).toBe(1)
    await store.updateMembershipRole(s.db, 'w1', 'u2', 'owner')
    expect(await store.countMembersWithRole(s.db, 'w1', 'owner')).toBe(2)
    await expect(store.insertMembership(s.db, { workspaceId: 'w1', userId: 'u2', role: 'viewer', createdAt: t0 })).rejects.toThrow()
  })

  it('deleting a workspace removes its memberships and sessions (foreign keys hold)', async () => {
    await store.insertWorkspace(s.db, workspace)
    await store.insertUser(s.db, user('u1', 'a@example.com'))
    await store.insertMembership(s.db, { workspaceId: 'w1', userId: 'u1', role: 'owner', createdAt: t0 })
    await store.insertSession(s.db, { id: 'h', userId: 'u1', workspaceId: 'w1', csrfToken: 'c', createdAt: t0, expiresAt: t0 + day, lastSeenAt: t0 })
    await s.db.deleteFrom('workspaces').where('id', '=', 'w1').execute()
    expect(await store.listMembers(s.db, 'w1')).toEqual([])
    expect(await store.findLiveSession(s.db, 'h', t0)).toBeUndefined()
    await expect(store.insertMembership(s.db, { workspaceId: 'nope', userId: 'u1', role: 'owner', createdAt: t0 })).rejects.toThrow()
  })

  it('finds only live sessions and deletes expired ones', async () => {
    await store.insertWorkspace(s.db, workspace)
    await store.insertUser(s.db, user('u1', 'a@example.com'))
    const base = { userId: 'u1', workspaceId: 'w1', csrfToken: 'c', createdAt: t0, lastSeenAt: t0 }
    await store.insertSession(s.db, { ...base, id: 'live', expiresAt: t0 + day })
    await store.insertSession(s.db, { ...base, id: 'old', expiresAt: t0 - 1 })
    expect((await store.findLiveSession(s.db, 'live', t0))?.id).toBe('live')
    expect(await store.findLiveSession(s.db, 'old', t0)).toBeUndefined()
    expect(await store.deleteExpiredSessions(s.db, t0)).toBe(1)
    await store.deleteSessionsOfUser(s.db, 'u1', { except: 'live' })
    expect(await store.findLiveSession(s.db, 'live', t0)).toBeDefined()
  })

  it('accepts an invite once, never when revoked or expired', async () => {
    await store.insertWorkspace(s.db, workspace)
    await store.insertUser(s.db, user('u1', 'a@example.com'))
    await store.insertUser(s.db, user('u2', 'b@example.com'))
    const invite = (id: string, expiresAt: number): store.Invite => ({
      id,
      workspaceId: 'w1',
      tokenHash: `hash-${id}`,
      role: 'editor',
      email: null,
      createdBy: 'u1',
      createdAt: t0,
      expiresAt,
      acceptedAt: null,
      acceptedBy: null,
      revokedAt: null,
    })
    await store.insertInvite(s.db, invite('i1', t0 + day))
    await store.insertInvite(s.db, invite('i2', t0 + day))
    await store.insertInvite(s.db, invite('i3', t0 - 1))
    expect((await store.listOpenInvites(s.db, 'w1', t0)).map((i) => i.id).sort()).toEqual(['i1', 'i2'])
    expect(await store.markInviteAccepted(s.db, 'i1', 'u2', t0)).toBe(true)
    expect(await store.markInviteAccepted(s.db, 'i1', 'u2', t0)).toBe(false)
    expect(await store.revokeInvite(s.db, 'w1', 'i2', t0)).toBe(true)
    expect(await store.markInviteAccepted(s.db, 'i2', 'u2', t0)).toBe(false)
    expect(await store.markInviteAccepted(s.db, 'i3', 'u2', t0)).toBe(false)
    expect(await store.listOpenInvites(s.db, 'w1', t0)).toEqual([])
    expect((await store.findInviteByTokenHash(s.db, 'hash-i1'))?.acceptedBy).toBe('u2')
  })

  it('stops finding an API key once revoked', async () => {
    await store.insertWorkspace(s.db, workspace)
    await store.insertUser(s.db, user('u1', 'a@example.com'))
    const key: store.ApiKey = {
      id: 'k1', workspaceId: 'w1', name: 'Site', prefix: 'sck_abc', keyHash: 'kh', role: 'editor',
      createdBy: 'u1', createdAt: t0, lastUsedAt: null, revokedAt: null,
    }
    await store.insertApiKey(s.db, key)
    expect((await store.findActiveApiKeyByHash(s.db, 'kh'))?.id).toBe('k1')
    await store.touchApiKey(s.db, 'k1', t0 + 5)
    expect((await store.listApiKeys(s.db, 'w1'))[0]?.lastUsedAt).toBe(t0 + 5)
    expect(await store.revokeApiKey(s.db, 'w1', 'k1', t0)).toBe(true)
    expect(await store.revokeApiKey(s.db, 'w1', 'k1', t0)).toBe(false)
    expect(await store.findActiveApiKeyByHash(s.db, 'kh')).toBeUndefined()
    expect(await store.listApiKeys(s.db, 'w1')).toEqual([])
  })

  it('records an instance fact once', async () => {
    expect(await store.insertInstanceValueOnce(s.db, 'setup_completed_at', '1', t0)).toBe(true)
    expect(await store.insertInstanceValueOnce(s.db, 'setup_completed_at', '2', t0)).toBe(false)
    expect(await store.getInstanceValue(s.db, 'setup_completed_at')).toBe('1')
  })

  it('stores a mention once per workspace and item, adding later queries to it, and counts per hour', async () => {
    await store.insertWorkspace(s.db, workspace)
    const query = (id: string): store.ListenQuery => ({ id, workspaceId: 'w1', name: id, query: 'lune', kind: 'brand', priority: 'normal', active: 1, lastAlertAt: null, createdBy: null, createdAt: t0, updatedAt: t0 })
    await store.insertListenQuery(s.db, query('q1'))
    await store.insertListenQuery(s.db, query('q2'))
    const mention: store.Mention = {
      id: 'm1', workspaceId: 'w1', streamKey: 'feed:x', itemKey: 'item-1', sourceKind: 'feed', text: 'Café Lune', title: null, url: null,
      authorHandle: 'amira', authorName: null, authorUrl: null, lang: 'fr', replyRef: null, sentiment: 'negative', sentimentScore: -0.5, publishedAt: t0 + 10 * 60_000, receivedAt: t0,
    }
    expect(await store.insertMentionOnce(s.db, mention, ['q1'])).toEqual({ id: 'm1', created: true })
    expect(await store.insertMentionOnce(s.db, { ...mention, id: 'm2' }, ['q1', 'q2'])).toEqual({ id: 'm1', created: false })
    const listed = await store.listMentions(s.db, { workspaceId: 'w1' }, { limit: 10 })
    expect(listed.map((m) => [m.id, m.queryIds.sort()])).toEqual([['m1', ['q1', 'q2']]])
    expect(typeof listed[0]!.publishedAt).toBe('number')
    const hour = Math.floor((t0 + 10 * 60_000) / 3600_000)
    expect([...(await store.hourlyMatchCounts(s.db, 'q2', t0 - day))]).toEqual([[hour, 1]])
    expect([...(await store.hourlyMentionCounts(s.db, 'w1', t0 - day))]).toEqual([[hour, { total: 1, negative: 1 }]])
    expect(await store.topMentionAuthors(s.db, { workspaceId: 'w1' }, 5)).toEqual([{ authorHandle: 'amira', authorName: null, authorUrl: null, n: 1, negative: 1 }])
  })

  it('keeps only the newest items of a stream in the recent sample', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ id: `r${i}`, streamKey: 's', itemKey: `i${i}`, item: '{}', weight: 1, receivedAt: t0 + i }))
    await store.insertRecentItems(s.db, [...rows, { id: 'o1', streamKey: 'other', itemKey: 'i0', item: '{}', weight: 1, receivedAt: t0 }])
    expect(await store.capRecentItems(s.db, 's', 3)).toBe(4)
    expect((await store.listRecentItems(s.db, ['s'], 0, 100)).map((r) => r.itemKey)).toEqual(['i6', 'i5', 'i4'])
    expect(await store.capRecentItems(s.db, 's', 3)).toBe(0)
    expect(await store.listRecentItems(s.db, ['other'], 0, 100)).toHaveLength(1)
  })

  it('lets one process at a time hold a stream\'s lease, until it lapses', async () => {
    await store.ensureListenStream(s.db, { key: 'bluesky:firehose:ws://relay', kind: 'bluesky', config: '{}', cursor: null, status: 'active', errorReason: null, leaseOwner: null, leaseUntil: null, nextPollAt: t0, lastItemAt: null, itemsSeen: 0, updatedAt: t0 })
    expect(await store.takeListenStreamLease(s.db, 'bluesky:firehose:ws://relay', 'a', t0, t0 + 60_000)).toBe(true)
    expect(await store.takeListenStreamLease(s.db, 'bluesky:firehose:ws://relay', 'b', t0 + 1_000, t0 + 61_000)).toBe(false)
    expect(await store.takeListenStreamLease(s.db, 'bluesky:firehose:ws://relay', 'a', t0 + 1_000, t0 + 61_000)).toBe(true)
    expect(await store.takeListenStreamLease(s.db, 'bluesky:firehose:ws://relay', 'b', t0 + 62_000, t0 + 122_000)).toBe(true)
  })

  it('rolls a failed transaction back entirely', async () => {
    await expect(
      s.db.transaction().execute(async (trx) => {
        await store.insertWorkspace(trx, workspace)
        await store.insertUser(trx, user('u1', 'a@example.com'))
        await store.insertUser(trx, user('u2', 'a@example.com'))
      }),
    ).rejects.toThrow()
    expect(await store.countWorkspaces(s.db)).toBe(0)
  })
})

describe('ids', () => {
  it('are unique, URL-safe and sort by time', () => {
    const a = store.newId(1_000)
    const b = store.newId(2_000)
    expect(a).toMatch(/^[0-9a-z]{26}$/)
    expect(a < b).toBe(true)
    expect(new Set(Array.from({ length: 1000 }, () => store.newId())).size).toBe(1000)
  })

  it('keep increasing within one millisecond, so a burst sorts in the order it was made', () => {
    const burst = Array.from({ length: 500 }, () => store.newId(5_000))
    expect([...burst].sort()).toEqual(burst)
    expect(new Set(burst).size).toBe(500)
  })
})
