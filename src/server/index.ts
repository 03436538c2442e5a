/** The HTTP server: `buildApp` and the types routes and tests use. */
export { buildApp, type AppOptions } from './app.js'
export type { App, Access, Auth } from './types.js'
export type { RouteAccess } from './plugins/auth.js'
export { sessionCookie, languageCookie } from './plugins/auth.js'
