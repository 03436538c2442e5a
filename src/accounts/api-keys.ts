/**
 * Workspace API keys: scripts and website snippets authenticate with `Authorization: Bearer <key>`.
 * A key is shown once when made; only its hash is stored. A key acts with its own role, never
 * above the role of the person who made it.
 */
import { atLeast, errors, isRole, type Role } from '../domain/index.js'
import { hashToken, randomToken } from '../security/index.js'
import {
  findActiveApiKeyByHash,
  findUser,
  findWorkspace,
  insertApiKey,
  listApiKeys as listApiKeyRows,
  newId,
  revokeApiKey as revokeApiKeyRow,
  touchApiKey,
  type ApiKey,
  type Workspace,
} from '../store/index.js'
import type { AccountsContext, Actor } from './context.js'

/** Every key starts with this, so it is recognizable in logs and secret scanners. */
export const apiKeyPrefix = 'sck_'
const shownPrefixLength = apiKeyPrefix.length + 6
const touchIntervalMs = 60_000

export async function createApiKey(
  ctx: AccountsContext,
  actor: Actor,
  props: { name: string; role: Role },
): Promise<{ apiKey: ApiKey; secret: string }> {
  if (!atLeast(actor.role, props.role)) throw errors.forbidden('role_not_assignable')
  const secret = apiKeyPrefix + randomToken(32)
  const now = ctx.now()
  const apiKey: ApiKey = {
    id: newId(now),
    workspaceId: actor.workspaceId,
    name: props.name.trim(),
    prefix: secret.slice(0, shownPrefixLength),
    keyHash: hashToken(secret),
    role: props.role,
    createdBy: actor.userId,
    createdAt: now,
    lastUsedAt: null,
    revokedAt: null,
  }
  await insertApiKey(ctx.db, apiKey)
  return { apiKey, secret }
}

export async function listApiKeys(ctx: AccountsContext, workspaceId: string): Promise<Array<{ apiKey: ApiKey; createdByName: string }>> {
  const keys = await listApiKeyRows(ctx.db, workspaceId)
  const names = new Map<string, string>()
  for (const key of keys) {
    if (!names.has(key.createdBy)) names.set(key.createdBy, (await findUser(ctx.db, key.createdBy))?.name ?? '')
  }
  return keys.map((apiKey) => ({ apiKey, createdByName: names.get(apiKey.createdBy) ?? '' }))
}

export async function revokeApiKey(ctx: AccountsContext, actor: Actor, keyId: string): Promise<void> {
  if (!(await revokeApiKeyRow(ctx.db, actor.workspaceId, keyId, ctx.now()))) throw errors.notFound('api_key')
}

/** The key, its workspace and role for a presented secret; undefined when unknown or revoked. */
export async function resolveApiKey(
  ctx: AccountsContext,
  secret: string,
): Promise<{ apiKey: ApiKey; workspace: Workspace; role: Role } | undefined> {
  if (!secret.startsWith(apiKeyPrefix)) return undefined
  const apiKey = await findActiveApiKeyByHash(ctx.db, hashToken(secret))
  if (!apiKey || !isRole(apiKey.role)) return undefined
  const workspace = await findWorkspace(ctx.db, apiKey.workspaceId)
  if (!workspace) return undefined
  const now = ctx.now()
  if (apiKey.lastUsedAt === null || now - apiKey.lastUsedAt > touchIntervalMs) await touchApiKey(ctx.db, apiKey.id, now)
  return { apiKey, workspace, role: apiKey.role }
}
