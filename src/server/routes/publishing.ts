/** How a workspace publishes: its posting slots (the queue) and whether editors need approval. */
import { z } from 'zod'
import { errors, isQueueSlot, normalizeSlots } from '../../domain/index.js'
import { findWorkspace, listQueueSlots, replaceQueueSlots, updateWorkspace } from '../../store/index.js'
import type { App } from '../types.js'
import { publishActorOf, type RouteDeps } from './deps.js'

const slotSchema = z.object({
  weekday: z.number().int().min(1).max(7).describe('1 = Monday … 7 = Sunday'),
  time: z.string().refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { params: { key: 'invalid_time' } }).describe('HH:mm in the workspace time zone'),
})
const settingsSchema = z.object({ approvalRequired: z.boolean(), queueSlots: z.array(slotSchema) })

export function publishingRoutes(app: App, deps: RouteDeps): void {
  const db = deps.publish.db

  async function read(workspaceId: string): Promise<z.infer<typeof settingsSchema>> {
    const workspace = await findWorkspace(db, workspaceId)
    if (!workspace) throw errors.notFound('workspace')
    return { approvalRequired: workspace.approvalRequired === 1, queueSlots: await listQueueSlots(db, workspaceId) }
  }

  app.get(
    '/api/publishing',
    { config: { access: 'posts.read' }, schema: { tags: ['publishing'], summary: 'Posting slots and the approval rule', response: { 200: settingsSchema } } },
    async (request) => read(publishActorOf(request).workspaceId),
  )

  app.put(
    '/api/publishing',
    {
      config: { access: 'publishing.configure' },
      schema: {
        tags: ['publishing'],
        summary: 'Set the posting slots (at most 10 a day) and whether editors need approval',
        body: z.object({ approvalRequired: z.boolean(), queueSlots: z.array(slotSchema).max(70) }),
        response: { 200: settingsSchema },
      },
    },
    async (request) => {
      const { workspaceId } = publishActorOf(request)
      const slots = normalizeSlots(request.body.queueSlots.filter(isQueueSlot))
      await db.transaction().execute(async (trx) => {
        await updateWorkspace(trx, workspaceId, { approvalRequired: request.body.approvalRequired ? 1 : 0 })
        await replaceQueueSlots(trx, workspaceId, slots)
      })
      return read(workspaceId)
    },
  )
}
