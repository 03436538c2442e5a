/** Saved replies: the workspace's answer templates, each in one language. */
import { AppError, errors, isLocale } from '../domain/index.js'
import { deleteSavedReply, insertSavedReply, listSavedReplies, newId, updateSavedReply, type SavedReplyRow } from '../store/index.js'
import type { EngageActor, EngageContext } from './context.js'

const maxTitle = 80
const maxText = 2000

export interface SavedReplyInput {
  language: string
  title: string
  text: string
}

function checked(input: Partial<SavedReplyInput>): Partial<SavedReplyInput> {
  const fields: Array<{ field: string; messageKey: string; params?: Record<string, number> }> = []
  if (input.language !== undefined && !isLocale(input.language)) fields.push({ field: 'language', messageKey: 'invalid_language' })
  const title = input.title?.trim()
  if (input.title !== undefined && (!title || title.length > maxTitle)) fields.push({ field: 'title', messageKey: title ? 'too_long' : 'required', params: { count: maxTitle } })
  const text = input.text?.trim()
  if (input.text !== undefined && (!text || text.length > maxText)) fields.push({ field: 'text', messageKey: text ? 'too_long' : 'required', params: { count: maxText } })
  if (fields.length > 0) throw new AppError('validation', 'saved_reply', {}, fields)
  return { ...(input.language !== undefined ? { language: input.language } : {}), ...(title !== undefined ? { title } : {}), ...(text !== undefined ? { text } : {}) }
}

export async function savedReplies(ctx: EngageContext, workspaceId: string): Promise<SavedReplyRow[]> {
  return listSavedReplies(ctx.db, workspaceId)
}

export async function addSavedReply(ctx: EngageContext, actor: EngageActor, input: SavedReplyInput): Promise<SavedReplyRow> {
  const clean = checked(input) as SavedReplyInput
  const now = ctx.now()
  const row: SavedReplyRow = { id: newId(now), workspaceId: actor.workspaceId, language: clean.language, title: clean.title, text: clean.text, createdBy: actor.userId, createdAt: now, updatedAt: now }
  await insertSavedReply(ctx.db, row)
  return row
}

export async function changeSavedReply(ctx: EngageContext, actor: EngageActor, id: string, input: Partial<SavedReplyInput>): Promise<SavedReplyRow> {
  const clean = checked(input)
  if (!(await updateSavedReply(ctx.db, actor.workspaceId, id, { ...clean, updatedAt: ctx.now() }))) throw errors.notFound('saved_reply')
  return (await listSavedReplies(ctx.db, actor.workspaceId)).find((r) => r.id === id)!
}

export async function removeSavedReply(ctx: EngageContext, actor: EngageActor, id: string): Promise<void> {
  if (!(await deleteSavedReply(ctx.db, actor.workspaceId, id))) throw errors.notFound('saved_reply')
}
