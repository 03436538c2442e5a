/** The coach's rows: answers, assessments, the plan and its share link, handles, results page, activity marks. */
import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

type Db = Kysely<Database>

export type CoachAnswersRow = Database['coachAnswers']
export type CoachAssessmentRow = { [K in keyof Database['coachAssessments']]: Database['coachAssessments'][K] }
export type CoachPlanRow = Database['coachPlans']
export type CoachHandleRow = Database['coachHandles']
export type CoachResultsRow = Database['coachResults']

export async function getCoachAnswers(db: Db, workspaceId: string): Promise<CoachAnswersRow | undefined> {
  return db.selectFrom('coachAnswers').selectAll().where('workspaceId', '=', workspaceId).executeTakeFirst()
}

export async function saveCoachAnswers(db: Db, row: CoachAnswersRow): Promise<void> {
  await db
    .insertInto('coachAnswers')
    .values(row)
    .onConflict((oc) => oc.column('workspaceId').doUpdateSet({ answers: row.answers, answeredBy: row.answeredBy, answeredAt: row.answeredAt }))
    .execute()
}

export async function insertAssessment(db: Db, row: CoachAssessmentRow): Promise<void> {
  await db.insertInto('coachAssessments').values(row).execute()
}

/** Newest first. */
export async function listAssessments(db: Db, workspaceId: string, limit: number): Promise<CoachAssessmentRow[]> {
  return db.selectFrom('coachAssessments').selectAll().where('workspaceId', '=', workspaceId).orderBy('assessedAt', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

/**
 * Workspaces due a weekly re-assessment: assessed before `before` (or never, when they have
 * answers or any connected account), at most `limit`.
 */
export async function workspacesDueAssessment(db: Db, before: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('workspaces as w')
    .leftJoin(
      (eb) => eb.selectFrom('coachAssessments').select(['workspaceId', (e) => e.fn.max('assessedAt').as('last')]).groupBy('workspaceId').as('a'),
      (join) => join.onRef('a.workspaceId', '=', 'w.id'),
    )
    .select('w.id')
    .where((eb) =>
      eb.or([
        eb('a.last', '<', before),
        eb.and([
          eb('a.last', 'is', null),
          eb.or([
            eb.exists(eb.selectFrom('coachAnswers').select('workspaceId').whereRef('coachAnswers.workspaceId', '=', 'w.id')),
            eb.exists(eb.selectFrom('accounts').select('id').whereRef('accounts.workspaceId', '=', 'w.id')),
          ]),
        ]),
      ]),
    )
    .orderBy('w.id')
    .limit(limit)
    .execute()
  return rows.map((row) => row.id)
}

export async function getCoachPlan(db: Db, workspaceId: string): Promise<CoachPlanRow | undefined> {
  return db.selectFrom('coachPlans').selectAll().where('workspaceId', '=', workspaceId).executeTakeFirst()
}

export async function findPlanByShareHash(db: Db, hash: string): Promise<CoachPlanRow | undefined> {
  return db.selectFrom('coachPlans').selectAll().where('shareTokenHash', '=', hash).executeTakeFirst()
}

/** Saves the plan's content; its share link is kept. */
export async function saveCoachPlan(db: Db, row: Pick<CoachPlanRow, 'workspaceId' | 'plan' | 'updatedBy' | 'updatedAt'>): Promise<void> {
  await db
    .insertInto('coachPlans')
    .values({ ...row, shareTokenHash: null, shareTokenSealed: null, createdAt: row.updatedAt })
    .onConflict((oc) => oc.column('workspaceId').doUpdateSet({ plan: row.plan, updatedBy: row.updatedBy, updatedAt: row.updatedAt }))
    .execute()
}

export async function setPlanShare(db: Db, workspaceId: string, share: { hash: string; sealed: string } | null): Promise<boolean> {
  const result = await db
    .updateTable('coachPlans')
    .set({ shareTokenHash: share?.hash ?? null, shareTokenSealed: share?.sealed ?? null })
    .where('workspaceId', '=', workspaceId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function listCoachHandles(db: Db, workspaceId: string): Promise<CoachHandleRow[]> {
  return db.selectFrom('coachHandles').selectAll().where('workspaceId', '=', workspaceId).orderBy('network').execute()
}

/** Replaces the checklist with `rows` in one transaction. */
export async function replaceCoachHandles(db: Db, workspaceId: string, rows: CoachHandleRow[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('coachHandles').where('workspaceId', '=', workspaceId).execute()
    if (rows.length > 0) await trx.insertInto('coachHandles').values(rows).execute()
  })
}

export async function getCoachResults(db: Db, workspaceId: string): Promise<CoachResultsRow | undefined> {
  return db.selectFrom('coachResults').selectAll().where('workspaceId', '=', workspaceId).executeTakeFirst()
}

export async function findResultsByShareHash(db: Db, hash: string): Promise<CoachResultsRow | undefined> {
  return db.selectFrom('coachResults').selectAll().where('shareTokenHash', '=', hash).where('published', '=', 1).executeTakeFirst()
}

export async function saveCoachResults(db: Db, row: CoachResultsRow): Promise<void> {
  await db
    .insertInto('coachResults')
    .values(row)
    .onConflict((oc) =>
      oc.column('workspaceId').doUpdateSet({
        figures: row.figures,
        story: row.story,
        published: row.published,
        shareTokenHash: row.shareTokenHash,
        shareTokenSealed: row.shareTokenSealed,
        updatedAt: row.updatedAt,
      }),
    )
    .execute()
}

/** Counts one look at something (a report) for the day. */
export async function markActivity(db: Db, mark: { workspaceId: string; kind: string; day: string; at: number }): Promise<void> {
  await db
    .insertInto('activityMarks')
    .values({ workspaceId: mark.workspaceId, kind: mark.kind, day: mark.day, count: 1, lastAt: mark.at })
    .onConflict((oc) => oc.columns(['workspaceId', 'kind', 'day']).doUpdateSet((eb) => ({ count: eb('activityMarks.count', '+', 1), lastAt: mark.at })))
    .execute()
}

/** Days with a mark of one of `kinds` since `since` (yyyy-mm-dd, UTC). */
export async function countActivityDays(db: Db, workspaceId: string, kinds: string[], since: string): Promise<number> {
  const row = await db
    .selectFrom('activityMarks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspaceId', '=', workspaceId)
    .where('kind', 'in', kinds)
    .where('day', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
