/** First run: creates the owner's account and the workspace, once per installation. */
import { errors, normalizeEmail, type Locale } from '../domain/index.js'
import { hashPassword, randomToken } from '../security/index.js'
import {
  findUserByEmail,
  getInstanceValue,
  insertInstanceValueOnce,
  insertMembership,
  insertUser,
  insertWorkspace,
  instanceKeys,
  newId,
  type NewWorkspace,
  type User,
} from '../store/index.js'
import type { AccountsContext } from './context.js'
import { openSession, type NewSession } from './sessions.js'

export interface SetupProps {
  businessName: string
  timeZone: string
  locale: Locale
  name: string
  email: string
  password: string
}

/** True until first-run setup has completed. */
export async function isSetupNeeded(ctx: AccountsContext): Promise<boolean> {
  return (await getInstanceValue(ctx.db, instanceKeys.setupCompletedAt)) === undefined
}

/**
 * Creates the workspace and its owner and signs the owner in. Fails with `already_set_up` once
 * done, including when two first-run forms are submitted at the same moment.
 */
export async function setupWorkspace(ctx: AccountsContext, props: SetupProps): Promise<NewSession> {
  const passwordHash = await hashPassword(props.password, ctx.passwordCost)
  const now = ctx.now()
  const user: User = {
    id: newId(now),
    email: normalizeEmail(props.email),
    name: props.name.trim(),
    passwordHash,
    locale: props.locale,
    createdAt: now,
    updatedAt: now,
  }
  const workspace = {
    id: newId(now),
    name: props.businessName.trim(),
    timeZone: props.timeZone,
    locale: props.locale,
    createdAt: now,
    approvalRequired: 0,
    crisisPause: 0,
    publishingPausedAt: null,
    publishingPausedReason: null,
    listenDigest: 1,
    responseTargetMinutes: 240,
    trackLinks: 1,
    siteKey: `site_${randomToken(16)}`,
  } satisfies NewWorkspace
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await insertInstanceValueOnce(trx, instanceKeys.setupCompletedAt, String(now), now))) {
      throw errors.conflict('already_set_up')
    }
    if (await findUserByEmail(trx, user.email)) throw errors.conflict('email_taken')
    await insertWorkspace(trx, workspace)
    await insertUser(trx, user)
    await insertMembership(trx, { workspaceId: workspace.id, userId: user.id, role: 'owner', createdAt: now })
  })
  return openSession(ctx, { user, workspace, role: 'owner' })
}
