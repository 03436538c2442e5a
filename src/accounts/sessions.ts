/** Signing in and out, and finding who a session cookie belongs to. */
import { errors, isRole, normalizeEmail, type Role } from '../domain/index.js'
import { hashToken, randomToken, verifyAgainstDummy, verifyPassword } from '../security/index.js'
import {
  deleteSession,
  findLiveSession,
  findMembership,
  findUser,
  findUserByEmail,
  findWorkspace,
  insertSession,
  listMembershipsOfUser,
  touchSession,
  type Session,
  type User,
  type Workspace,
} from '../store/index.js'
import { sessionLifetimeMs, sessionTouchIntervalMs, type AccountsContext } from './context.js'

/** A live session with the person, their workspace and their role in it. */
export interface SessionInfo {
  session: Session
  user: User
  workspace: Workspace
  role: Role
}

/** A new session: `token` goes in the cookie and is never stored. */
export interface NewSession extends SessionInfo {
  token: string
}

/** Opens a session for a member of a workspace. */
export async function openSession(
  ctx: AccountsContext,
  props: { user: User; workspace: Workspace; role: Role },
): Promise<NewSession> {
  const token = randomToken()
  const now = ctx.now()
  const session: Session = {
    id: hashToken(token),
    userId: props.user.id,
    workspaceId: props.workspace.id,
    csrfToken: randomToken(24),
    createdAt: now,
    expiresAt: now + sessionLifetimeMs,
    lastSeenAt: now,
  }
  await insertSession(ctx.db, session)
  return { token, session, ...props }
}

/**
 * Checks an e-mail and password and opens a session in the person's first workspace.
 * Unknown e-mails cost the same time as wrong passwords, so neither is revealed.
 */
export async function login(ctx: AccountsContext, props: { email: string; password: string }): Promise<NewSession> {
  const user = await findUserByEmail(ctx.db, normalizeEmail(props.email))
  const ok = user ? await verifyPassword(props.password, user.passwordHash) : await verifyAgainstDummy(props.password, ctx.passwordCost)
  if (!user || !ok) throw errors.invalidCredentials()
  const [membership] = await listMembershipsOfUser(ctx.db, user.id)
  if (!membership || !isRole(membership.role)) throw errors.forbidden('no_workspace')
  const workspace = await findWorkspace(ctx.db, membership.workspaceId)
  if (!workspace) throw errors.forbidden('no_workspace')
  return openSession(ctx, { user, workspace, role: membership.role })
}

/**
 * The live session for a cookie token, or undefined when it is unknown, expired, or its person
 * no longer belongs to the workspace. Slides the expiry forward on use.
 */
export async function resolveSession(ctx: AccountsContext, token: string): Promise<SessionInfo | undefined> {
  const now = ctx.now()
  const session = await findLiveSession(ctx.db, hashToken(token), now)
  if (!session) return undefined
  const [user, workspace, membership] = await Promise.all([
    findUser(ctx.db, session.userId),
    findWorkspace(ctx.db, session.workspaceId),
    findMembership(ctx.db, session.workspaceId, session.userId),
  ])
  if (!user || !workspace || !membership || !isRole(membership.role)) {
    await deleteSession(ctx.db, session.id)
    return undefined
  }
  if (now - session.lastSeenAt > sessionTouchIntervalMs) {
    await touchSession(ctx.db, session.id, now, now + sessionLifetimeMs)
  }
  return { session, user, workspace, role: membership.role }
}

/** Ends a session (its id, i.e. the token's hash). */
export async function logout(ctx: AccountsContext, sessionId: string): Promise<void> {
  await deleteSession(ctx.db, sessionId)
}
