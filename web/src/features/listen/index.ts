/**
 * Listening: what people say about the business. The page with its tabs (mentions, queries,
 * sources, alerts), the banner every page shows while publishing is paused, and the unread-alert
 * count the navigation shows.
 */
export { ListenPage, useUnreadAlerts } from './ListenPage'
export { MentionsTab } from './MentionsTab'
export { QueriesTab } from './QueriesTab'
export { SourcesTab } from './SourcesTab'
export { AlertsTab } from './AlertsTab'
export { PublishingPausedBanner } from './PublishingPausedBanner'
export { useListenPermissions } from './listen-queries'
