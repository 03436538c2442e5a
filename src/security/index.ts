/**
 * Security primitives shared by every feature: password hashing, random tokens, encryption of
 * secrets at rest, and the guard on user-supplied URLs.
 */
export * from './passwords.js'
export * from './tokens.js'
export * from './secret-box.js'
export * from './url-guard.js'
export * from './guarded-dispatcher.js'
