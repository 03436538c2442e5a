/** How the workspace publishes: Settings → Publishing (posting slots, approval, blog feeds). */
export { PublishingSettingsPage } from './PublishingSettingsPage'
export { usePublishingSettings } from './publishing-queries'
