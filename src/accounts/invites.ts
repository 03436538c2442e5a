/**
 * Inviting teammates by link. The link carries a random token; only its hash is stored. A link
 * admits one person, with the role chosen when it was made, until it expires (7 days).
 */
import { canAssignRole, errors, isRole, normalizeEmail, type Locale, type Role } from '../domain/index.js'
import { hashPassword, hashToken, randomToken, verifyPassword } from '../security/index.js'
import {
  findInvite,
  findInviteByTokenHash,
  findMembership,
  findUser,
  findUserByEmail,
  findWorkspace,
  insertInvite,
  insertMembership,
  insertUser,
  listOpenInvites,
  markInviteAccepted,
  newId,
  revokeInvite as revokeInviteRow,
  type Invite,
  type User,
} from '../store/index.js'
import { inviteLifetimeMs, type AccountsContext, type Actor } from './context.js'
import { openSession, type NewSession } from './sessions.js'

export interface InviteView {
  invite: Invite
  createdByName: string
}

/** Makes an invite link. The actor may only give roles below their own (owners: any). */
export async function createInvite(
  ctx: AccountsContext,
  actor: Actor,
  props: { role: Role; email?: string },
): Promise<{ invite: Invite; url: string }> {
  if (!canAssignRole(actor.role, props.role)) throw errors.forbidden('role_not_assignable')
  const token = randomToken()
  const now = ctx.now()
  const invite: Invite = {
    id: newId(now),
    workspaceId: actor.workspaceId,
    tokenHash: hashToken(token),
    role: props.role,
    email: props.email ? normalizeEmail(props.email) : null,
    createdBy: actor.userId,
    createdAt: now,
    expiresAt: now + inviteLifetimeMs,
    acceptedAt: null,
    acceptedBy: null,
    revokedAt: null,
  }
  await insertInvite(ctx.db, invite)
  return { invite, url: new URL(`/invite/${token}`, ctx.publicUrl).toString() }
}

/** Open invites of a workspace, newest first, with who made each. */
export async function listInvites(ctx: AccountsContext, workspaceId: string): Promise<InviteView[]> {
  const invites = await listOpenInvites(ctx.db, workspaceId, ctx.now())
  const names = new Map<string, string>()
  for (const invite of invites) {
    if (!names.has(invite.createdBy)) names.set(invite.createdBy, (await findUser(ctx.db, invite.createdBy))?.name ?? '')
  }
  return invites.map((invite) => ({ invite, createdByName: names.get(invite.createdBy) ?? '' }))
}

export async function revokeInvite(ctx: AccountsContext, actor: Actor, inviteId: string): Promise<void> {
  const invite = await findInvite(ctx.db, actor.workspaceId, inviteId)
  if (!invite) throw errors.notFound('invite')
  if (!canAssignRole(actor.role, invite.role as Role)) throw errors.forbidden('role_not_assignable')
  if (!(await revokeInviteRow(ctx.db, actor.workspaceId, inviteId, ctx.now()))) throw errors.notFound('invite')
}

/** The invite behind a link, if it can still be used; otherwise the reason it cannot. */
async function usableInvite(ctx: AccountsContext, token: string): Promise<Invite> {
  const invite = await findInviteByTokenHash(ctx.db, hashToken(token))
  if (!invite) throw errors.notFound('invite')
  if (invite.acceptedAt !== null) throw errors.gone('invite_used')
  if (invite.revokedAt !== null) throw errors.gone('invite_revoked')
  if (invite.expiresAt <= ctx.now()) throw errors.gone('invite_expired')
  return invite
}

/** What the accept page shows: which workspace, which role, who invited. */
export async function describeInvite(
  ctx: AccountsContext,
  token: string,
): Promise<{ invite: Invite; workspaceName: string; invitedBy: string }> {
  const invite = await usableInvite(ctx, token)
  const [workspace, inviter] = await Promise.all([findWorkspace(ctx.db, invite.workspaceId), findUser(ctx.db, invite.createdBy)])
  if (!workspace) throw errors.notFound('invite')
  return { invite, workspaceName: workspace.name, invitedBy: inviter?.name ?? '' }
}

/**
 * Joins the workspace through a link: creates the account, or for an existing account checks its
 * password, then signs in to the invited workspace. One link admits one person, even when two
 * people accept it at the same moment.
 */
export async function acceptInvite(
  ctx: AccountsContext,
  props: { token: string; name: string; email: string; password: string; locale: Locale },
): Promise<NewSession> {
  const invite = await usableInvite(ctx, props.token)
  if (!isRole(invite.role)) throw errors.notFound('invite')
  const role: Role = invite.role
  const email = normalizeEmail(props.email)
  if (invite.email && invite.email !== email) throw errors.forbidden('invite_email_mismatch', { email: invite.email })
  const existing = await findUserByEmail(ctx.db, email)
  if (existing) {
    if (!(await verifyPassword(props.password, existing.passwordHash))) throw errors.invalidCredentials()
    if (await findMembership(ctx.db, invite.workspaceId, existing.id)) throw errors.conflict('already_member')
  }
  const now = ctx.now()
  const user: User = existing ?? {
    id: newId(now),
    email,
    name: props.name.trim(),
    passwordHash: await hashPassword(props.password, ctx.passwordCost),
    locale: props.locale,
    createdAt: now,
    updatedAt: now,
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!existing) {
      if (await findUserByEmail(trx, email)) throw errors.conflict('email_taken')
      await insertUser(trx, user)
    }
    // Conditional on the invite still being open; a second acceptance rolls all of this back.
    if (!(await markInviteAccepted(trx, invite.id, user.id, now))) throw errors.gone('invite_used')
    await insertMembership(trx, { workspaceId: invite.workspaceId, userId: user.id, role, createdAt: now })
  })
  const workspace = await findWorkspace(ctx.db, invite.workspaceId)
  if (!workspace) throw errors.notFound('invite')
  return openSession(ctx, { user, workspace, role })
}
