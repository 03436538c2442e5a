/**
 * Pure rules of Stagecraft: no I/O, no clock, no database. Everything else may import this;
 * it imports nothing of ours.
 */
export * from './roles.js'
export * from './locales.js'
export * from './time-zones.js'
export * from './errors.js'
export * from './accounts.js'
export * from './network-rules.js'
export * from './schedule.js'
export * from './queue-slots.js'
export * from './drafts.js'
export * from './coach/index.js'
export * from './measure/index.js'
export * from './engage/index.js'
