/**
 * The shapes the API answers with, as its contract describes them. The web app learns everything
 * from these payloads and never imports server code.
 */

export const roles = ['owner', 'admin', 'editor', 'viewer'] as const
export type Role = (typeof roles)[number]

/** Permissions the UI checks to hide what a person may not do (the server enforces them anyway). */
export type Permission =
  | 'workspace.read'
  | 'workspace.update'
  | 'members.read'
  | 'members.manage'
  | 'invites.manage'
  | 'apiKeys.manage'
  | 'accounts.read'
  | 'accounts.manage'
  | 'posts.read'
  | 'posts.write'
  | 'posts.approve'
  | 'publishing.configure'
  | 'listen.read'
  | 'listen.write'
  | 'listen.configure'
  | 'coach.read'
  | 'coach.use'
  | 'coach.plan'
  | 'measure.read'
  | 'measure.write'
  | 'measure.configure'
  | 'inbox.read'
  | 'inbox.use'
  | 'inbox.configure'

/** Milliseconds since the epoch, as the API sends times. */
export type Timestamp = number

export interface User {
  id: string
  name: string
  email: string
  locale: string | null
}

export interface Workspace {
  id: string
  name: string
  timeZone: string
  locale: string
  createdAt: Timestamp
}

export interface SessionPayload {
  user: User
  workspace: Workspace
  role: Role
  permissions: string[]
  assignableRoles: Role[]
  csrfToken: string
}

export interface Meta {
  version: string
  locales: Array<{ code: string; name: string; dir: 'ltr' | 'rtl' }>
  timeZones: string[]
  roles: string[]
}

export interface Member {
  userId: string
  name: string
  email: string
  role: Role
  joinedAt: Timestamp
  isYou: boolean
}

export interface PersonRef {
  id: string
  name: string
}

export interface Invite {
  id: string
  role: Role
  email: string | null
  createdAt: Timestamp
  expiresAt: Timestamp
  createdBy: PersonRef
}

/** What an invite link says about itself before it is accepted. */
export interface InvitePreview {
  workspaceName: string
  role: Role
  /** The inviter's name. */
  invitedBy: string
  expiresAt: Timestamp
  email: string | null
}

export interface ApiKey {
  id: string
  name: string
  prefix: string
  role: Role
  createdAt: Timestamp
  lastUsedAt: Timestamp | null
  createdBy: PersonRef
}
