/**
 * Soft numbers and rollups: what the networks count on each published post (the latest counts,
 * and a snapshot each time they change), each account's followers per day, and the rollups that
 * keep dashboards fast on millions of clicks and posts (clicks and conversions per workspace day;
 * clicks and conversions per published post; posts and their counts per day and hour), with how
 * far each workspace is rolled and in which time zone its days were cut; and the campaign a post
 * serves.
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

  // The same for the days not rolled yet (today, mostly), from their start up to the rollups'
  // clicks mark; a visitor is counted in the stretch of the day where they first clicked.
  await db.schema
    .createTable('open_click_days')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('clicks', 'integer', (c) => c.notNull())
    .addColumn('bot_clicks', 'integer', (c) => c.notNull())
    .addColumn('visitors', 'integer', (c) => c.notNull())
    .addColumn('direct_clicks', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('open_click_days_pk', ['workspace_id', 'day', 'network', 'content_type'])
    .execute()

  // Clicks and conversions (form answers apart) of each published post (post × account) up to the
  // rollups' clicks mark. Top posts are ranked on it.
  await db.schema
    .createTable('target_clicks')
    .addColumn('target_id', 'text', (c) => c.primaryKey().references('post_targets.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('clicks', 'integer', (c) => c.notNull())
    .addColumn('bot_clicks', 'integer', (c) => c.notNull())
    .addColumn('conversions', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('target_clicks_rank').on('target_clicks').columns(['workspace_id', 'conversions', 'clicks']).execute()

  // Conversions and form answers of one workspace day, per answer, network, currency and the
  // content type of the post they came through (null: through no post; '': a post without its E).
  await db.schema
    .createTable('conversion_days')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('form', 'integer', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('network', 'text')
    .addColumn('currency', 'text')
    .addColumn('post_type', 'text')
    .addColumn('conversions', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    // The same with each value rounded to the cent first: revenue per network and content type adds them so.
    .addColumn('cents', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('conversion_days_workspace_day').on('conversion_days').columns(['workspace_id', 'day']).execute()

  // Posts published in one workspace day, per account and content type ('' when none), with the
  // sums of their latest counts (views over the posts that have a count, and how many have one).
  await db.schema
    .createTable('post_days')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('posts', 'integer', (c) => c.notNull())
    .addColumn('likes', 'integer', (c) => c.notNull())
    .addColumn('reposts', 'integer', (c) => c.notNull())
    .addColumn('replies', 'integer', (c) => c.notNull())
    .addColumn('quotes', 'integer', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addColumn('with_views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_days_pk', ['workspace_id', 'day', 'account_id', 'content_type'])
    .execute()

  // Posts published in one hour (0–23 on the workspace's clock) of a workspace day, per account,
  // for the best times to post: their engagement, and their clicks up to the clicks mark.
  await db.schema
    .createTable('post_hours')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('posts', 'integer', (c) => c.notNull())
    .addColumn('engagement', 'integer', (c) => c.notNull())
    .addColumn('clicks', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_hours_pk', ['workspace_id', 'day', 'hour', 'account_id'])
    .execute()

  // Each published post counted in post_days and post_hours, and where: its later counts and
  // clicks go to the same rows, and a post published after its day was rolled is found missing.
  await db.schema
    .createTable('rolled_targets')
    .addColumn('target_id', 'text', (c) => c.primaryKey().references('post_targets.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('rolled_targets_workspace').on('rolled_targets').column('workspace_id').execute()

  await db.schema
    .createTable('measure_rollups')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    // The last workspace day whose clicks, conversions and posts are in the day rollups
    // (inclusive), and the zone it was cut in.
    .addColumn('rolled_until', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    // Clicks and conversions before this instant are in target_clicks, post_hours' clicks and
    // open_click_days (at or after the end of rolled_until).
    .addColumn('clicks_to', 'bigint', (c) => c.notNull())
    // Publications recorded since then (less a margin) are checked for a day already rolled.
    .addColumn('posts_seen_at', 'bigint', (c) => c.notNull())
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
  // The rollup job finds posts published after their day was rolled (a retried publication
  // carries the time of its first attempt) by when their publication was recorded.
  await db.schema.createIndex('post_targets_updated').on('post_targets').column('updated_at').execute()
}
