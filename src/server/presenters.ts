/** Shapes stored rows into what the API returns; rows never go to the client as they are. */
import type { z } from 'zod'
import type { InviteView, MemberRow, SessionInfo } from '../accounts/index.js'
import { can, canAssignRole, isLocale, permissions, roles, type Role } from '../domain/index.js'
import type { ApiKey, User, Workspace } from '../store/index.js'
import type { apiKeySchema, inviteSchema, memberSchema, sessionPayloadSchema, userSchema, workspaceSchema } from './schemas.js'

export function presentUser(user: User): z.infer<typeof userSchema> {
  return { id: user.id, name: user.name, email: user.email, locale: isLocale(user.locale) ? user.locale : null }
}

export function presentWorkspace(workspace: Workspace): z.infer<typeof workspaceSchema> {
  return {
    id: workspace.id,
    name: workspace.name,
    timeZone: workspace.timeZone,
    locale: isLocale(workspace.locale) ? workspace.locale : 'en',
    createdAt: workspace.createdAt,
  }
}

export function presentSession(info: Pick<SessionInfo, 'user' | 'workspace' | 'role' | 'session'>): z.infer<typeof sessionPayloadSchema> {
  return {
    user: presentUser(info.user),
    workspace: presentWorkspace(info.workspace),
    role: info.role,
    permissions: permissions.filter((p) => can(info.role, p)),
    assignableRoles: roles.filter((r) => canAssignRole(info.role, r)),
    csrfToken: info.session.csrfToken,
  }
}

export function presentMember(member: MemberRow, youId: string | null): z.infer<typeof memberSchema> {
  return {
    userId: member.userId,
    name: member.name,
    email: member.email,
    role: member.role as Role,
    joinedAt: member.createdAt,
    isYou: member.userId === youId,
  }
}

export function presentInvite({ invite, createdByName }: InviteView): z.infer<typeof inviteSchema> {
  return {
    id: invite.id,
    role: invite.role as Role,
    email: invite.email,
    createdAt: invite.createdAt,
    expiresAt: invite.expiresAt,
    createdBy: { id: invite.createdBy, name: createdByName },
  }
}

export function presentApiKey(apiKey: ApiKey, createdByName: string): z.infer<typeof apiKeySchema> {
  return {
    id: apiKey.id,
    name: apiKey.name,
    prefix: apiKey.prefix,
    role: apiKey.role as Role,
    createdAt: apiKey.createdAt,
    lastUsedAt: apiKey.lastUsedAt,
    createdBy: { id: apiKey.createdBy, name: createdByName },
  }
}
