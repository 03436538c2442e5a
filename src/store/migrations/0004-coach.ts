/**
 * The coach: the questionnaire's answers, each assessment (stage, evidence, the signals it read)
 * so the stage history can be shown, the strategic plan, the handle reservation checklist, the
 * stage-6 results page, and the marks of what was looked at (reports opened), which the stage
 * model reads as a signal.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coach_answers')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('coach_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('stage', 'integer', (c) => c.notNull())
    .addColumn('answers_stage', 'integer')
    .addColumn('activity_stage', 'integer', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    // The assessment as the domain returned it (evidence, disagreement, waiting-for messages).
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('signals', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('coach_assessments_workspace').on('coach_assessments').columns(['workspace_id', 'assessed_at']).execute()

  await db.schema
    .createTable('coach_plans')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('plan', 'text', (c) => c.notNull())
    // Sharing by link: the token's SHA-256 finds the plan; the token itself is kept sealed so
    // the owner can see the link again.
    .addColumn('share_token_hash', 'text', (c) => c.unique())
    .addColumn('share_token_sealed', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('coach_handles')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('coach_handles_pk', ['workspace_id', 'network'])
    .execute()

  await db.schema
    .createTable('coach_results')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('story', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('share_token_hash', 'text', (c) => c.unique())
    .addColumn('share_token_sealed', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()

  // One row per (workspace, kind, day): enough to say "reports were opened in the last 4 weeks".
  await db.schema
    .createTable('activity_marks')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_marks_pk', ['workspace_id', 'kind', 'day'])
    .execute()
}

