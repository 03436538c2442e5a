/**
 * Soft numbers and rollups: what the networks count on each published post (the latest counts,
 * and a snapshot each time they change), each account's followers per day, and the daily click
 * rollups that keep dashboards fast on millions of clicks (per workspace day, network and 4E
 * content type; and per published post since it was published), with how far each workspace is
 * rolled and in which time zone its days were cut; and the campaign a post serves.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('post_metrics')
    .addColumn('target_id', 'text', (c) => c.primaryKey().references('post_targets.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('likes', 'integer', (c) => c.notNull())
    .addColumn('reposts', 'integer', (c) => c.notNull())
    .addColumn('replies', 'integer', (c) => c.notNull())
    .addColumn('quotes', 'integer', (c) => c.notNull())
    .addColumn('views', 'integer')
    .addColumn('fetched_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('post_metric_snapshots')
    .addColumn('target_id', 'text', (c) => c.notNull().references('post_targets.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('likes', 'integer', (c) => c.notNull())
    .addColumn('reposts', 'integer', (c) => c.notNull())
    .addColumn('replies', 'integer', (c) => c.notNull())
    .addColumn('quotes', 'integer', (c) => c.notNull())
    .addColumn('views', 'integer')
    .addPrimaryKeyConstraint('post_metric_snapshots_pk', ['target_id', 'at'])
    .execute()

  // One row per account and workspace day: the last count read that day.
  await db.schema
    .createTable('account_metrics')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('followers', 'integer', (c) => c.notNull())
    .addColumn('following', 'integer', (c) => c.notNull())
    .addColumn('posts', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_metrics_pk', ['account_id', 'day'])
    .execute()
  await db.schema.createIndex('account_metrics_workspace_day').on('account_metrics').columns(['workspace_id', 'day']).execute()

  // Clicks of one workspace day ('' network: a standalone link; '' content type: a post without its E).
  await db.schema
    .createTable('click_days')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('clicks', 'integer', (c) => c.notNull())
    .addColumn('bot_clicks', 'integer', (c) => c.notNull())
    .addColumn('visitors', 'integer', (c) => c.notNull())
    .addColumn('direct_clicks', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('click_days_pk', ['workspace_id', 'day', 'network', 'content_type'])
    .execute()

  // Clicks of each published post (post × account) on the days rolled so far.
  await db.schema
    .createTable('target_clicks')
    .addColumn('target_id', 'text', (c) => c.primaryKey().references('post_targets.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('clicks', 'integer', (c) => c.notNull())
    .addColumn('bot_clicks', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('measure_rollups')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    // The last workspace day whose clicks are in the rollups (inclusive), and the zone it was cut in.
    .addColumn('rolled_until', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()

  // The campaign a post serves (a plan goal, a promotion): its links' utm_campaign.
  await db.schema.alterTable('posts').addColumn('campaign', 'text').execute()

  // The dashboard reads each account's published posts by publication time (the planner takes
  // (account_id, status) otherwise and reads every published post of the account); its
  // freshness line reads the workspace's last count.
  await db.schema.createIndex('post_targets_account_status_published').on('post_targets').columns(['account_id', 'status', 'published_at']).execute()
  await db.schema.createIndex('post_metrics_workspace_fetched').on('post_metrics').columns(['workspace_id', 'fetched_at']).execute()
  await db.schema.createIndex('conversions_link').on('conversions').columns(['link_id']).execute()
}
