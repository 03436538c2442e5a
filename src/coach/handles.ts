/**
 * The handle check: is the business's name free on each network we have a connector for? Each
 * network is asked on the server the workspace already uses there (its connected account's PDS
 * or instance), else on the network's default. The reservation checklist is ticked by hand,
 * since reserving happens on the network.
 */
import { AppError } from '../domain/index.js'
import { RateLimited, type HandleCheck } from '../networks/index.js'
import { listAccounts, listCoachHandles, replaceCoachHandles, type CoachHandleRow } from '../store/index.js'
import type { CoachContext } from './context.js'

export interface HandleResult extends HandleCheck {
  network: string
  displayName: string
}

export const maxHandleNameLength = 64

function serverOf(settings: string): string | undefined {
  const parsed = JSON.parse(settings) as { server?: unknown; service?: unknown }
  const server = parsed.server ?? parsed.service
  return typeof server === 'string' ? server : undefined
}

/** Asks every network with a handle check whether `name` is free there. */
export async function checkHandles(ctx: CoachContext, workspaceId: string, name: string): Promise<HandleResult[]> {
  const trimmed = name.trim()
  if (trimmed === '' || trimmed.length > maxHandleNameLength) {
    throw new AppError('validation', 'coach_handle_name', { max: maxHandleNameLength }, [{ field: 'name', messageKey: 'coach.handle_name_invalid', params: { max: maxHandleNameLength } }])
  }
  const accounts = await listAccounts(ctx.db, workspaceId)
  const checks = [...ctx.networks.values()].flatMap((connector) => {
    const check = connector.checkHandle
    if (!check) return []
    const account = accounts.find((row) => row.network === connector.id && row.status !== 'disconnected')
    const server = account ? serverOf(account.settings) : undefined
    return [
      check(trimmed, server ? { server } : {})
        .catch((error: unknown): HandleCheck => {
          // A network that asks us to slow down is not a verdict on the name.
          if (error instanceof RateLimited) return { status: 'unknown', handle: trimmed, server: server ?? '', reason: 'unreachable' }
          throw error
        })
        .then((result): HandleResult => ({ ...result, network: connector.id, displayName: connector.displayName })),
    ]
  })
  return Promise.all(checks)
}

export async function getHandleChecklist(ctx: CoachContext, workspaceId: string): Promise<Array<{ network: string; handle: string; reserved: boolean }>> {
  const rows = await listCoachHandles(ctx.db, workspaceId)
  return rows.map((row) => ({ network: row.network, handle: row.handle, reserved: row.reserved === 1 }))
}

/** Replaces the checklist; one row per network. */
export async function saveHandleChecklist(
  ctx: CoachContext,
  workspaceId: string,
  items: Array<{ network: string; handle: string; reserved: boolean }>,
): Promise<Array<{ network: string; handle: string; reserved: boolean }>> {
  const seen = new Set<string>()
  const rows: CoachHandleRow[] = []
  for (const [index, item] of items.entries()) {
    if (seen.has(item.network)) {
      throw new AppError('validation', 'coach_checklist_invalid', {}, [{ field: `items.${index}.network`, messageKey: 'coach.handle_network_twice', params: { network: item.network } }])
    }
    seen.add(item.network)
    rows.push({ workspaceId, network: item.network, handle: item.handle.trim(), reserved: item.reserved ? 1 : 0, updatedAt: ctx.now() })
  }
  await replaceCoachHandles(ctx.db, workspaceId, rows)
  return getHandleChecklist(ctx, workspaceId)
}
