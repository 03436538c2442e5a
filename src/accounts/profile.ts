/** A person's own account: name, language, password; and creating accounts from the CLI. */
import { errors, normalizeEmail, type Locale, type Role } from '../domain/index.js'
import { hashPassword, verifyPassword } from '../security/index.js'
import {
  deleteSessionsOfUser,
  findUser,
  findUserByEmail,
  findWorkspace,
  insertMembership,
  insertUser,
  newId,
  updateUser,
  type User,
} from '../store/index.js'
import type { AccountsContext } from './context.js'

export async function updateProfile(
  ctx: AccountsContext,
  userId: string,
  patch: { name?: string; locale?: Locale },
): Promise<User> {
  const update = {
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    updatedAt: ctx.now(),
  }
  await updateUser(ctx.db, userId, update)
  const user = await findUser(ctx.db, userId)
  if (!user) throw errors.unauthenticated()
  return user
}

/**
 * Changes a password after checking the current one, and signs the person out everywhere else
 * (a changed password should lock out whoever else knew the old one).
 */
export async function changePassword(
  ctx: AccountsContext,
  props: { userId: string; keepSessionId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUser(ctx.db, props.userId)
  if (!user) throw errors.unauthenticated()
  if (!(await verifyPassword(props.currentPassword, user.passwordHash))) {
    throw errors.badRequest('wrong_password')
  }
  const passwordHash = await hashPassword(props.newPassword, ctx.passwordCost)
  await updateUser(ctx.db, user.id, { passwordHash, updatedAt: ctx.now() })
  await deleteSessionsOfUser(ctx.db, user.id, { except: props.keepSessionId })
}

/** Creates an account and adds it to a workspace with a role (used by `stagecraft user create`). */
export async function createMemberAccount(
  ctx: AccountsContext,
  props: { workspaceId: string; email: string; name: string; password: string; role: Role; locale?: Locale },
): Promise<User> {
  const workspace = await findWorkspace(ctx.db, props.workspaceId)
  if (!workspace) throw errors.notFound('workspace')
  const email = normalizeEmail(props.email)
  if (await findUserByEmail(ctx.db, email)) throw errors.conflict('email_taken')
  const now = ctx.now()
  const user: User = {
    id: newId(now),
    email,
    name: props.name.trim(),
    passwordHash: await hashPassword(props.password, ctx.passwordCost),
    locale: props.locale ?? null,
    createdAt: now,
    updatedAt: now,
  }
  await ctx.db.transaction().execute(async (trx) => {
    await insertUser(trx, user)
    await insertMembership(trx, { workspaceId: workspace.id, userId: user.id, role: props.role, createdAt: now })
  })
  return user
}
