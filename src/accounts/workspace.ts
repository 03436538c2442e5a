/** The workspace's own settings: name, time zone, default language. */
import { errors, type Locale } from '../domain/index.js'
import { findWorkspace, updateWorkspace as updateWorkspaceRow, type Workspace } from '../store/index.js'
import type { AccountsContext } from './context.js'

export async function getWorkspace(ctx: AccountsContext, workspaceId: string): Promise<Workspace> {
  const workspace = await findWorkspace(ctx.db, workspaceId)
  if (!workspace) throw errors.notFound('workspace')
  return workspace
}

export async function updateWorkspace(
  ctx: AccountsContext,
  workspaceId: string,
  patch: { name?: string; timeZone?: string; locale?: Locale },
): Promise<Workspace> {
  const update = {
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.timeZone !== undefined ? { timeZone: patch.timeZone } : {}),
    ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
  }
  if (Object.keys(update).length > 0) await updateWorkspaceRow(ctx.db, workspaceId, update)
  return getWorkspace(ctx, workspaceId)
}
