/** The team: who is in a workspace, changing roles, removing people. */
import { canAssignRole, canManageMember, errors, isRole, type Role } from '../domain/index.js'
import {
  countMembersWithRole,
  deleteMembership,
  deleteSessionsOfUser,
  findMembership,
  listMembers as listMemberRows,
  updateMembershipRole,
  type MemberRow,
} from '../store/index.js'
import type { AccountsContext, Actor } from './context.js'

export type { MemberRow }

export async function listMembers(ctx: AccountsContext, workspaceId: string): Promise<MemberRow[]> {
  return listMemberRows(ctx.db, workspaceId)
}

/**
 * Gives a member another role. The actor must outrank the member (owners manage anyone), may
 * only give roles below their own (owners: any), may not change their own role, and the
 * workspace always keeps an owner.
 */
export async function changeMemberRole(
  ctx: AccountsContext,
  actor: Actor,
  props: { userId: string; role: Role },
): Promise<MemberRow> {
  if (props.userId === actor.userId) throw errors.forbidden('cannot_change_own_role')
  const membership = await findMembership(ctx.db, actor.workspaceId, props.userId)
  if (!membership || !isRole(membership.role)) throw errors.notFound('member')
  if (!canManageMember(actor.role, membership.role)) throw errors.forbidden('cannot_manage_member')
  if (!canAssignRole(actor.role, props.role)) throw errors.forbidden('role_not_assignable')
  await ctx.db.transaction().execute(async (trx) => {
    if (membership.role === 'owner' && props.role !== 'owner') {
      if ((await countMembersWithRole(trx, actor.workspaceId, 'owner')) <= 1) throw errors.conflict('last_owner')
    }
    await updateMembershipRole(trx, actor.workspaceId, props.userId, props.role)
  })
  const updated = (await listMemberRows(ctx.db, actor.workspaceId)).find((m) => m.userId === props.userId)
  if (!updated) throw errors.notFound('member')
  return updated
}

/**
 * Removes a member (or lets someone leave) and ends their sessions in this workspace. The last
 * owner cannot leave.
 */
export async function removeMember(ctx: AccountsContext, actor: Actor, props: { userId: string }): Promise<void> {
  const membership = await findMembership(ctx.db, actor.workspaceId, props.userId)
  if (!membership || !isRole(membership.role)) throw errors.notFound('member')
  const leaving = props.userId === actor.userId
  if (!leaving && !canManageMember(actor.role, membership.role)) throw errors.forbidden('cannot_manage_member')
  await ctx.db.transaction().execute(async (trx) => {
    if (membership.role === 'owner' && (await countMembersWithRole(trx, actor.workspaceId, 'owner')) <= 1) {
      throw errors.conflict('last_owner')
    }
    await deleteMembership(trx, actor.workspaceId, props.userId)
    await deleteSessionsOfUser(trx, props.userId, { workspaceId: actor.workspaceId })
  })
}
