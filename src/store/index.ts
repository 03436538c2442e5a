/**
 * The database: connection (SQLite or PostgreSQL), the one forward-only migration set, and typed
 * queries grouped by table. Features import from here; they never write SQL of their own.
 */
export * from './database.js'
export * from './migrate.js'
export * from './schema.js'
export * from './ids.js'
export * from './instance.js'
export * from './workspaces.js'
export * from './users.js'
export * from './memberships.js'
export * from './sessions.js'
export * from './invites.js'
export * from './api-keys.js'
export * from './accounts.js'
export * from './posts.js'
export * from './media.js'
export * from './queue-slots.js'
export * from './rate-windows.js'
export * from './feeds.js'
