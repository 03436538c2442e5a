/**
 * The inbox: replies, mentions and quotes of the connected accounts (one row per network item,
 * never stored twice; a remote deletion is marked, not applied), grouped into conversations, with
 * who it is assigned to, whether it is done or snoozed, internal notes, the replies sent from the
 * app (ordinary posts, so the dispatcher's guarantees hold), saved replies per language, each
 * account's reading cursor and back-off, the workspace's response-time target, and the daily
 * check-in routine (blocks, and each block's prepared check-in with its reminder and completion).
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').addColumn('response_target_minutes', 'integer', (c) => c.notNull().defaultTo(240)).execute()

  await db.schema
    .createTable('inbox_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('lang', 'text')
    // JSON RemotePostRef of the item's post, and of the post it answers or quotes.
    .addColumn('post_ref', 'text', (c) => c.notNull())
    .addColumn('in_reply_to', 'text')
    // Items of one thread share it: the thread's root post on the network.
    .addColumn('conversation_key', 'text', (c) => c.notNull())
    .addColumn('author_remote_id', 'text', (c) => c.notNull())
    .addColumn('author_handle', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_avatar', 'text')
    .addColumn('author_url', 'text')
    .addColumn('author_followers', 'integer')
    .addColumn('author_follows_us', 'integer')
    .addColumn('question', 'integer', (c) => c.notNull())
    .addColumn('sentiment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('snoozed_until', 'bigint')
    .addColumn('done_at', 'bigint')
    .addColumn('deleted_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('inbox_items_remote').on('inbox_items').columns(['account_id', 'remote_id']).unique().execute()
  await db.schema.createIndex('inbox_items_workspace').on('inbox_items').columns(['workspace_id', 'created_at']).execute()
  await db.schema.createIndex('inbox_items_conversation').on('inbox_items').columns(['workspace_id', 'conversation_key']).execute()
  await db.schema.createIndex('inbox_items_author').on('inbox_items').columns(['workspace_id', 'author_remote_id']).execute()

  await db.schema
    .createTable('inbox_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('inbox_items.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('inbox_notes_item').on('inbox_notes').columns(['item_id', 'created_at']).execute()

  await db.schema
    .createTable('inbox_cursors')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('cursor', 'text')
    .addColumn('synced_at', 'bigint')
    // After a failure the account waits (doubling up to an hour) without holding up the others.
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_sync_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute()

  await db.schema
    .createTable('saved_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('saved_replies_workspace').on('saved_replies').columns(['workspace_id', 'language']).execute()

  // Replies from the inbox are posts whose source_ref names the item; our own posts are found by their remote id.
  await db.schema.createIndex('posts_source_ref').on('posts').columns(['source', 'source_ref']).execute()
  await db.schema.createIndex('post_targets_remote').on('post_targets').columns(['remote_id']).execute()

  // The daily check-in routine: blocks per weekday on the workspace's clock, and each block's
  // check-in, prepared once per (workspace, start) however many workers run the job.
  await db.schema
    .createTable('check_in_blocks')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_in_blocks_pk', ['workspace_id', 'weekday', 'time'])
    .execute()

  await db.schema
    .createTable('check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    // JSON array of inbox item ids, in the order to answer them.
    .addColumn('item_ids', 'text', (c) => c.notNull())
    .addColumn('estimated_minutes', 'integer', (c) => c.notNull())
    .addColumn('items_left', 'integer', (c) => c.notNull())
    .addColumn('prepared_at', 'bigint', (c) => c.notNull())
    .addColumn('reminded_at', 'bigint')
    .addColumn('completed_at', 'bigint')
    .addColumn('completed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered', 'integer')
    .addUniqueConstraint('check_ins_start_unique', ['workspace_id', 'starts_at'])
    .execute()
  await db.schema.createIndex('check_ins_completed').on('check_ins').columns(['workspace_id', 'completed_at']).execute()
}
