/** Posts and their per-account targets. */
import { sql, type Kysely, type Updateable } from 'kysely'
import { dialectOf } from './database.js'
import type { Account, Database, Post, PostStatus, PostTarget, PostTargetsTable, PostsTable } from './schema.js'

type Db = Kysely<Database>

export async function insertPost(db: Db, post: Post): Promise<void> {
  await db.insertInto('posts').values(post).execute()
}

export async function findPost(db: Db, workspaceId: string, id: string): Promise<Post | undefined> {
  return db.selectFrom('posts').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
}

export async function findPostById(db: Db, id: string): Promise<Post | undefined> {
  return db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function updatePost(db: Db, id: string, patch: Omit<Updateable<PostsTable>, 'id' | 'workspaceId'>): Promise<void> {
  await db.updateTable('posts').set(patch).where('id', '=', id).execute()
}

export async function deletePost(db: Db, id: string): Promise<void> {
  await db.deleteFrom('posts').where('id', '=', id).execute()
}

export interface PostQuery {
  /** Scheduled or published within [from, to). */
  from?: number
  to?: number
  statuses?: PostStatus[]
  source?: 'composer' | 'feed' | 'listen' | 'inbox'
  /** Only posts without a time (drafts, ideas). */
  unscheduled?: boolean
  limit?: number
}

/** Posts of a workspace, soonest first (unscheduled ones newest first). */
export async function listPosts(db: Db, workspaceId: string, query: PostQuery = {}): Promise<Post[]> {
  let q = db.selectFrom('posts').selectAll().where('workspaceId', '=', workspaceId)
  if (query.from !== undefined) q = q.where('scheduledAt', '>=', query.from)
  if (query.to !== undefined) q = q.where('scheduledAt', '<', query.to)
  if (query.statuses) q = q.where('status', 'in', query.statuses)
  if (query.source) q = q.where('source', '=', query.source)
  if (query.unscheduled) q = q.where('scheduledAt', 'is', null)
  q = query.unscheduled ? q.orderBy('createdAt', 'desc').orderBy('id', 'desc') : q.orderBy('scheduledAt').orderBy('createdAt').orderBy('id')
  return q.limit(query.limit ?? 1000).execute()
}

/** Instants already taken by queued posts (the queue gives each slot to one post). */
export async function queuedInstants(db: Db, workspaceId: string, from: number): Promise<number[]> {
  const rows = await db
    .selectFrom('posts')
    .select('scheduledAt')
    .where('workspaceId', '=', workspaceId)
    .where('scheduleMode', '=', 'queue')
    .where('scheduledAt', '>', from)
    .where('status', 'in', ['scheduled', 'awaiting_approval', 'publishing', 'published', 'partly_published'])
    .execute()
  return rows.flatMap((r) => (r.scheduledAt === null ? [] : [r.scheduledAt]))
}

export async function insertTarget(db: Db, target: PostTarget): Promise<void> {
  await db.insertInto('postTargets').values(target).execute()
}

/** What the dispatcher reads about a target, in one query: the target, its post and account. */
export interface DispatchRow {
  target: PostTarget
  post: Pick<Post, 'id' | 'text' | 'replyTo' | 'status' | 'scheduleVersion' | 'scheduledAt' | 'campaign'>
  account: Account
  /** How many targets and media the post has (to skip work when there is one and none). */
  targetCount: number
  mediaCount: number
  /** Set while the workspace's publishing is paused (a crisis or a person). */
  workspacePausedAt: number | null
  /** Whether this post's links become tracked short links (the workspace's and the post's switches). */
  trackLinks: boolean
}

/** Target, post, account and workspace columns the dispatcher needs, joined. */
function dispatchQuery(db: Db) {
  return db
    .selectFrom('postTargets as t')
    .innerJoin('posts as p', 'p.id', 't.postId')
    .innerJoin('accounts as a', 'a.id', 't.accountId')
    .innerJoin('workspaces as w', 'w.id', 'a.workspaceId')
    .selectAll('t')
    .select([
      'w.publishingPausedAt as wPausedAt',
      'w.trackLinks as wTrackLinks',
      'p.trackLinks as pTrackLinks',
      'p.text as postText',
      'p.campaign as postCampaign',
      'p.replyTo as postReplyTo',
      'p.status as postStatus',
      'p.scheduleVersion as postVersion',
      'p.scheduledAt as postScheduledAt',
      'a.workspaceId as aWorkspaceId',
      'a.network as aNetwork',
      'a.remoteId as aRemoteId',
      'a.handle as aHandle',
      'a.displayName as aDisplayName',
      'a.avatarUrl as aAvatarUrl',
      'a.profileUrl as aProfileUrl',
      'a.credentials as aCredentials',
      'a.settings as aSettings',
      'a.status as aStatus',
      'a.statusReason as aStatusReason',
      'a.expiresAt as aExpiresAt',
      'a.checkedAt as aCheckedAt',
      'a.connectedBy as aConnectedBy',
      'a.createdAt as aCreatedAt',
      'a.updatedAt as aUpdatedAt',
      (eb) => eb.selectFrom('postTargets as o').select((e) => e.fn.countAll<number>().as('n')).whereRef('o.postId', '=', 't.postId').as('targetCount'),
      (eb) => eb.selectFrom('media as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.postId', '=', 't.postId').as('mediaCount'),
    ])
}

type DispatchQueryRow = Awaited<ReturnType<ReturnType<typeof dispatchQuery>['executeTakeFirstOrThrow']>>

/** The dispatch rows of many targets in one query, by target id (unknown ids are absent). */
export async function findDispatchRows(db: Db, targetIds: string[]): Promise<Map<string, DispatchRow>> {
  const found = new Map<string, DispatchRow>()
  if (targetIds.length === 0) return found
  const rows = await dispatchQuery(db)
    .where('t.id', 'in', [...new Set(targetIds)])
    .execute()
  for (const row of rows) found.set(row.id, toDispatchRow(row))
  return found
}

function toDispatchRow(row: DispatchQueryRow): DispatchRow {
  // Named fields, not a rest spread: this runs for every post a worker publishes.
  const target: PostTarget = {
    id: row.id, postId: row.postId, accountId: row.accountId, text: row.text, status: row.status, attempts: row.attempts,
    firstAttemptAt: row.firstAttemptAt, nextAttemptAt: row.nextAttemptAt, remoteId: row.remoteId, remoteCid: row.remoteCid,
    remoteUrl: row.remoteUrl, publishedAt: row.publishedAt, errorKind: row.errorKind, errorReason: row.errorReason,
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  }
  const account: Account = {
    id: row.accountId, workspaceId: row.aWorkspaceId, network: row.aNetwork, remoteId: row.aRemoteId, handle: row.aHandle,
    displayName: row.aDisplayName, avatarUrl: row.aAvatarUrl, profileUrl: row.aProfileUrl, credentials: row.aCredentials,
    settings: row.aSettings, status: row.aStatus, statusReason: row.aStatusReason, expiresAt: row.aExpiresAt, checkedAt: row.aCheckedAt,
    connectedBy: row.aConnectedBy, createdAt: row.aCreatedAt, updatedAt: row.aUpdatedAt,
  }
  return {
    target,
    post: { id: row.postId, text: row.postText, campaign: row.postCampaign, replyTo: row.postReplyTo, status: row.postStatus, scheduleVersion: row.postVersion, scheduledAt: row.postScheduledAt },
    account,
    targetCount: Number(row.targetCount),
    mediaCount: Number(row.mediaCount),
    workspacePausedAt: row.wPausedAt === null ? null : Number(row.wPausedAt),
    trackLinks: Number(row.wTrackLinks) === 1 && Number(row.pTrackLinks) === 1,
  }
}

export async function findTarget(db: Db, id: string): Promise<PostTarget | undefined> {
  return db.selectFrom('postTargets').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listTargets(db: Db, postIds: string[]): Promise<PostTarget[]> {
  if (postIds.length === 0) return []
  return db.selectFrom('postTargets').selectAll().where('postId', 'in', postIds).orderBy('createdAt').execute()
}

export async function updateTarget(db: Db, id: string, patch: Omit<Updateable<PostTargetsTable>, 'id' | 'postId' | 'accountId'>): Promise<void> {
  await db.updateTable('postTargets').set(patch).where('id', '=', id).execute()
}

/**
 * Moves a target from one status to another only if it is still in `from`; false when another
 * worker got there first. This is how a target is claimed for publishing.
 */
export async function transitionTarget(
  db: Db,
  id: string,
  from: PostTarget['status'][],
  patch: Omit<Updateable<PostTargetsTable>, 'id' | 'postId' | 'accountId'>,
): Promise<boolean> {
  const result = await db.updateTable('postTargets').set(patch).where('id', '=', id).where('status', 'in', from).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Claims targets for one publishing attempt each: only those still in the status and attempt
 * count their caller saw, so two workers can never both claim one. Resolves to the ids claimed; a target listed twice is claimed once.
 */
export async function claimTargets(db: Db, targets: Array<Pick<PostTarget, 'id' | 'status' | 'attempts'>>, now: number): Promise<Set<string>> {
  if (targets.length === 0) return new Set()
  const seen = new Map<string, { status: PostTarget['status']; attempts: number; ids: string[] }>()
  for (const t of targets) {
    const group = `${t.status}/${t.attempts}`
    const entry = seen.get(group) ?? { status: t.status, attempts: t.attempts, ids: [] }
    entry.ids.push(t.id)
    seen.set(group, entry)
  }
  const rows = await db
    .updateTable('postTargets')
    .set((eb) => ({
      status: 'publishing',
      attempts: eb('attempts', '+', 1),
      firstAttemptAt: eb.fn.coalesce('firstAttemptAt', eb.val(now)),
      updatedAt: now,
    }))
    .where('id', 'in', [...new Set(targets.map((t) => t.id))])
    // The status as an expression: a plain `status = ?` makes SQLite's planner walk the due index
    // over every pending target instead of looking the few ids up by key.
    .where((eb) =>
      eb.or([...seen.values()].map((g) => eb.and([eb(eb.fn.coalesce('status', eb.val('')), '=', g.status), eb('attempts', '=', g.attempts), eb('id', 'in', g.ids)]))),
    )
    .returning('id')
    .execute()
  return new Set(rows.map((r) => r.id))
}

/** A target that went out: what the network returned, and whether it is its post's only target. */
export interface RecordedPublication {
  id: string
  remoteId: string
  remoteCid: string | null
  remoteUrl: string
  publishedAt: number
  updatedAt: number
  postId: string
  /** The post has no other target, so its status follows from this one alone. */
  soleTarget: boolean
}

/**
 * Marks targets published with what the network returned (a VALUES list joined by id; both
 * dialects name its columns column1…column6) and sets `postStatus` on the posts they are the only
 * target of: one statement on PostgreSQL (the posts' update reads nothing the targets' update
 * writes), one transaction on SQLite, for up to 150 targets.
 */
export async function recordPublications(db: Db, publications: RecordedPublication[], postStatus: PostStatus, now: number): Promise<void> {
  const postgres = dialectOf(db) === 'postgres'
  for (let i = 0; i < publications.length; i += 150) {
    const chunk = publications.slice(i, i + 150)
    const values = sql.join(
      chunk.map((p) => sql`(${p.id}, ${p.remoteId}, ${p.remoteCid}, ${p.remoteUrl}, cast(${p.publishedAt} as bigint), cast(${p.updatedAt} as bigint))`),
    )
    const targets = sql`
      update post_targets set status = 'published', remote_id = v.column2, remote_cid = v.column3, remote_url = v.column4,
        published_at = v.column5, next_attempt_at = null, error_kind = null, error_reason = null, updated_at = v.column6
      from (values ${values}) as v
      where post_targets.id = v.column1`
    const sole = [...new Set(chunk.filter((p) => p.soleTarget).map((p) => p.postId))]
    if (sole.length === 0) {
      await targets.execute(db)
      continue
    }
    const posts = sql`
      update posts set status = ${postStatus}, updated_at = cast(${now} as bigint)
      where id in (${sql.join(sole)}) and status not in ('draft', 'awaiting_approval')`
    if (postgres) await sql`with published as (${targets} returning post_targets.id) ${posts}`.execute(db)
    else await db.transaction().execute(async (trx) => {
      await targets.execute(trx)
      await posts.execute(trx)
    })
  }
}

/**
 * Sets a post's status from its targets. The post row is written first so concurrent finishers
 * queue behind each other, and each then reads every target as committed.
 */
export async function refreshPostStatus(
  db: Db,
  postId: string,
  now: number,
  statusOf: (targets: PostTarget['status'][]) => PostStatus,
  /** With a post's only target's new status there is no one to race: one statement suffices. */
  onlyTarget?: PostTarget['status'],
): Promise<void> {
  if (onlyTarget !== undefined) {
    await db.updateTable('posts').set({ status: statusOf([onlyTarget]), updatedAt: now }).where('id', '=', postId).where('status', 'not in', ['draft', 'awaiting_approval']).execute()
    return
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('posts').set({ updatedAt: now }).where('id', '=', postId).execute()
    const targets = await trx.selectFrom('postTargets').select('status').where('postId', '=', postId).execute()
    await trx
      .updateTable('posts')
      .set({ status: statusOf(targets.map((t) => t.status)) })
      .where('id', '=', postId)
      .where('status', 'not in', ['draft', 'awaiting_approval'])
      .execute()
  })
}

export async function deleteTargets(db: Db, postId: string, keepAccountIds: string[]): Promise<void> {
  let q = db.deleteFrom('postTargets').where('postId', '=', postId)
  if (keepAccountIds.length > 0) q = q.where('accountId', 'not in', keepAccountIds)
  await q.execute()
}

/** Targets of a workspace waiting for a reason (`errorKind`), e.g. its publishing pause. */
export async function listWaitingTargetsOfWorkspace(db: Db, workspaceId: string, errorKind: string): Promise<PostTarget[]> {
  return db
    .selectFrom('postTargets')
    .innerJoin('accounts', 'accounts.id', 'postTargets.accountId')
    .selectAll('postTargets')
    .where('accounts.workspaceId', '=', workspaceId)
    .where('postTargets.status', '=', 'waiting')
    .where('postTargets.errorKind', '=', errorKind)
    .execute()
}

/** Targets waiting on an account (paused, then reconnected). */
export async function listTargetsOfAccount(db: Db, accountId: string, statuses: PostTarget['status'][]): Promise<PostTarget[]> {
  return db.selectFrom('postTargets').selectAll().where('accountId', '=', accountId).where('status', 'in', statuses).execute()
}

/** Pending targets whose post was due before `before`: the sweeper makes sure each has a job. */
export async function listDueTargets(db: Db, before: number, limit: number): Promise<Array<PostTarget & { scheduleVersion: number; scheduledAt: number | null }>> {
  return db
    .selectFrom('postTargets')
    .innerJoin('posts', 'posts.id', 'postTargets.postId')
    .selectAll('postTargets')
    .select(['posts.scheduleVersion', 'posts.scheduledAt'])
    .where('postTargets.status', 'in', ['pending', 'publishing'])
    .where('posts.status', 'in', ['scheduled', 'publishing', 'partly_published'])
    .where((eb) =>
      eb.or([
        eb.and([eb('postTargets.nextAttemptAt', 'is', null), eb('posts.scheduledAt', '<=', before)]),
        eb('postTargets.nextAttemptAt', '<=', before),
      ]),
    )
    .limit(limit)
    .execute()
}
