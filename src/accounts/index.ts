/**
 * Accounts: the first-run setup, people and their sessions, the team of a workspace (roles,
 * invites by link), workspace settings and API keys. The server and CLI call these functions;
 * they take an AccountsContext (database, clock, settings) and one props object.
 */
export * from './context.js'
export { isSetupNeeded, setupWorkspace, type SetupProps } from './setup.js'
export { login, logout, openSession, resolveSession, type NewSession, type SessionInfo } from './sessions.js'
export { changePassword, createMemberAccount, updateProfile } from './profile.js'
export { acceptInvite, createInvite, describeInvite, listInvites, revokeInvite, type InviteView } from './invites.js'
export { changeMemberRole, listMembers, removeMember, type MemberRow } from './members.js'
export { apiKeyPrefix, createApiKey, listApiKeys, resolveApiKey, revokeApiKey } from './api-keys.js'
export { getWorkspace, updateWorkspace } from './workspace.js'
export { cleanupJobName, registerAccountJobs } from './maintenance.js'
