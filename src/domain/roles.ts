/**
 * Workspace roles and what each may do. Pure rules: the server asks `can(role, permission)` on
 * every route, and membership changes ask `canAssignRole` / `canManageMember`.
 */

/** Roles from most to least powerful. */
export const roles = ['owner', 'admin', 'editor', 'viewer'] as const
export type Role = (typeof roles)[number]

const rank: Record<Role, number> = { owner: 4, admin: 3, editor: 2, viewer: 1 }

/**
 * Every action a route can require. Each is granted to a minimum role and everyone above it.
 * Later features add their own permissions here, so one table answers "who may do what".
 */
export const minimumRole = {
  'workspace.read': 'viewer',
  'workspace.update': 'admin',
  'members.read': 'viewer',
  'members.manage': 'admin',
  'invites.manage': 'admin',
  'apiKeys.manage': 'admin',
  'accounts.read': 'viewer',
  'accounts.manage': 'admin',
  'posts.read': 'viewer',
  'posts.write': 'editor',
  'posts.approve': 'admin',
  'publishing.configure': 'admin',
  'listen.read': 'viewer',
  'listen.write': 'editor',
  'listen.configure': 'admin',
  'coach.read': 'viewer',
  'coach.use': 'editor',
  'coach.plan': 'admin',
  'measure.read': 'viewer',
  'measure.write': 'editor',
  'measure.configure': 'admin',
  'inbox.read': 'viewer',
  'inbox.use': 'editor',
  'inbox.configure': 'admin',
} as const satisfies Record<string, Role>

export type Permission = keyof typeof minimumRole
export const permissions = Object.keys(minimumRole) as Permission[]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value)
}

/** True when `role` is at least `other`. */
export function atLeast(role: Role, other: Role): boolean {
  return rank[role] >= rank[other]
}

/** May a member with `role` perform `permission`? */
export function can(role: Role, permission: Permission): boolean {
  return atLeast(role, minimumRole[permission])
}

/**
 * May `actor` hand out `target` (in an invite, an API key or a role change)?
 * Owners may grant any role; others only roles below their own, so nobody can raise
 * someone to their own level or above.
 */
export function canAssignRole(actor: Role, target: Role): boolean {
  return actor === 'owner' || rank[target] < rank[actor]
}

/**
 * May `actor` change or remove a member who has `memberRole`? Same rule: owners may manage
 * anyone; others only members below them.
 */
export function canManageMember(actor: Role, memberRole: Role): boolean {
  return actor === 'owner' || rank[memberRole] < rank[actor]
}
