/** Settings: workspace, profile, team and API keys, each a tab under /settings. */
export { SettingsPage } from './SettingsPage'
export { WorkspaceSettings } from './WorkspaceSettings'
export { ProfileSettings } from './ProfileSettings'
export { TeamSettings } from './TeamSettings'
export { ApiKeysSettings } from './ApiKeysSettings'
export { useMembers } from './settings-queries'
