/**
 * Measuring hard numbers: tracked links (short codes on the app's address, for a post's target or
 * standalone), the clicks on them (no raw addresses: a daily-salted hash), the salts themselves
 * (kept only for the day they serve), conversions (from the website's script, the pixel, the
 * server API or the "how did you hear about us?" form), and each workspace's public site key and
 * whether links are tracked.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').addColumn('track_links', 'integer', (c) => c.notNull().defaultTo(1)).execute()
  // Public: it names the workspace to the conversion script, pixel and form; it grants nothing else.
  await db.schema.alterTable('workspaces').addColumn('site_key', 'text').execute()
  await db.schema.createIndex('workspaces_site_key').on('workspaces').column('site_key').unique().execute()
  // A post whose links must stay as written (tracking turned off for this post).
  await db.schema.alterTable('posts').addColumn('track_links', 'integer', (c) => c.notNull().defaultTo(1)).execute()

  await db.schema
    .createTable('tracked_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('url', 'text', (c) => c.notNull())
    // The address the redirect sends to: `url` with the UTM tags added.
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.references('posts.id').onDelete('set null'))
    .addColumn('target_id', 'text', (c) => c.references('post_targets.id').onDelete('set null'))
    .addColumn('network', 'text')
    .addColumn('campaign', 'text')
    .addColumn('label', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('tracked_links_workspace').on('tracked_links').columns(['workspace_id', 'created_at']).execute()
  await db.schema.createIndex('tracked_links_target').on('tracked_links').columns(['target_id', 'url']).execute()

  await db.schema
    .createTable('clicks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('link_id', 'text', (c) => c.notNull().references('tracked_links.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text')
    .addColumn('network', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('referrer_host', 'text')
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('lang', 'text')
    .addColumn('country', 'text')
    .addColumn('visitor', 'text', (c) => c.notNull())
    // 1 for known bots and link-preview fetchers: counted apart, never as visitors.
    .addColumn('bot', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('clicks_workspace_at').on('clicks').columns(['workspace_id', 'at']).execute()
  await db.schema.createIndex('clicks_link').on('clicks').columns(['link_id', 'at']).execute()

  await db.schema
    .createTable('visitor_salts')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('conversions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('click_id', 'text')
    .addColumn('link_id', 'text', (c) => c.references('tracked_links.id').onDelete('set null'))
    .addColumn('post_id', 'text')
    .addColumn('network', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('value', 'real')
    .addColumn('currency', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    // For "how did you hear about us?": the answer chosen (a network id, friend, search, other).
    .addColumn('answer', 'text')
    // Set by the sender to make a retried conversion count once.
    .addColumn('dedupe_key', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('conversions_workspace_at').on('conversions').columns(['workspace_id', 'at']).execute()
  await db.schema.createIndex('conversions_dedupe').on('conversions').columns(['workspace_id', 'dedupe_key']).unique().execute()
}
