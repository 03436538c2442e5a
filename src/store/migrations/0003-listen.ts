/**
 * Listening: the workspace's queries, the sources it listens to, the streams behind them (one
 * per distinct feed, firehose or hashtag timeline, shared by every workspace that listens to it,
 * with its cursor and a lease so one process reads it), a rolling sample of recent items (to
 * test a query before saving it), the mentions that matched, alerts and where they go, and the
 * crisis pause of publishing.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('crisis_pause', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('workspaces').addColumn('publishing_paused_at', 'bigint').execute()
  await db.schema.alterTable('workspaces').addColumn('publishing_paused_reason', 'text').execute()
  await db.schema
    .alterTable('workspaces')
    .addColumn('listen_digest', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  // A post that answers another post (a reply to a mention): the network's reference to it.
  await db.schema.alterTable('posts').addColumn('reply_to', 'text').execute()

  await db.schema
    .createTable('listen_queries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_alert_at', 'bigint')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('listen_queries_name_unique', ['workspace_id', 'name'])
    .execute()

  await db.schema
    .createTable('listen_streams')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('cursor', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_reason', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('next_poll_at', 'bigint', (c) => c.notNull())
    .addColumn('last_item_at', 'bigint')
    .addColumn('items_seen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('listen_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('stream_key', 'text', (c) => c.notNull().references('listen_streams.key'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('listen_sources_unique', ['workspace_id', 'stream_key'])
    .execute()
  await db.schema.createIndex('listen_sources_stream_idx').on('listen_sources').column('stream_key').execute()

  await db.schema
    .createTable('listen_recent_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stream_key', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('listen_recent_items_unique', ['stream_key', 'item_key'])
    .execute()
  await db.schema.createIndex('listen_recent_items_time_idx').on('listen_recent_items').columns(['stream_key', 'received_at']).execute()

  await db.schema
    .createTable('mentions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('stream_key', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('url', 'text')
    .addColumn('author_handle', 'text')
    .addColumn('author_name', 'text')
    .addColumn('author_url', 'text')
    .addColumn('lang', 'text')
    .addColumn('reply_ref', 'text')
    .addColumn('sentiment', 'text', (c) => c.notNull())
    .addColumn('sentiment_score', 'real', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('mentions_item_unique', ['workspace_id', 'item_key'])
    .execute()
  await db.schema.createIndex('mentions_time_idx').on('mentions').columns(['workspace_id', 'published_at']).execute()

  await db.schema
    .createTable('mention_matches')
    .addColumn('mention_id', 'text', (c) => c.notNull().references('mentions.id').onDelete('cascade'))
    .addColumn('query_id', 'text', (c) => c.notNull().references('listen_queries.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('sentiment', 'text', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('mention_matches_pk', ['mention_id', 'query_id'])
    .execute()
  await db.schema.createIndex('mention_matches_query_idx').on('mention_matches').columns(['query_id', 'published_at']).execute()

  await db.schema
    .createTable('alert_channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('query_id', 'text', (c) => c.references('listen_queries.id').onDelete('set null'))
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .addUniqueConstraint('alerts_dedupe_unique', ['workspace_id', 'dedupe_key'])
    .execute()
  await db.schema.createIndex('alerts_time_idx').on('alerts').columns(['workspace_id', 'created_at']).execute()
}
