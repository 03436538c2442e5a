/**
 * The daily check-in routine: the workspace's blocks (read by anyone, set by admins), "Today's
 * check-in" (the block running now or the next, with its items, people to talk to and what is
 * scheduled that day) and completing a check-in.
 */
import { z } from 'zod'
import { checkInBlocks, checkInToday, completeCheckIn, saveCheckInBlocks, type CheckInToday, type EngageContext } from '../../engage/index.js'
import type { CheckInRow } from '../../store/index.js'
import { inboxItemSchema, presentInboxItem } from '../inbox-presenters.js'
import { idSchema } from '../schemas.js'
import type { App } from '../types.js'
import { actorOf } from './deps.js'

const tags = ['check-ins']

// Loose on purpose: the domain checks each field and says what is wrong in the person's language.
const blockSchema = z.object({
  weekday: z.number().describe('1 = Monday … 7 = Sunday'),
  time: z.string().max(10).describe('HH:mm (24-hour) in the workspace time zone'),
  minutes: z.number().describe('5 to 240; a block ends by midnight'),
})
const blocksSchema = z.object({ timeZone: z.string(), blocks: z.array(z.object({ weekday: z.number(), time: z.string(), minutes: z.number() })) })

const checkInSchema = z.object({
  id: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  preparedAt: z.number(),
  remindedAt: z.number().nullable(),
  estimatedMinutes: z.number(),
  itemsLeft: z.number(),
  done: z.boolean(),
  completedAt: z.number().nullable(),
  completedBy: z.string().nullable(),
  /** How many of its items had an answer from the app when it was completed. */
  answered: z.number().nullable(),
})

function presentCheckIn(row: CheckInRow): z.infer<typeof checkInSchema> {
  return {
    id: row.id,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    preparedAt: row.preparedAt,
    remindedAt: row.remindedAt,
    estimatedMinutes: row.estimatedMinutes,
    itemsLeft: row.itemsLeft,
    done: row.completedAt !== null,
    completedAt: row.completedAt,
    completedBy: row.completedBy,
    answered: row.answered,
  }
}

const todaySchema = z.object({
  timeZone: z.string(),
  block: z.object({ weekday: z.number(), time: z.string(), minutes: z.number(), startsAt: z.number(), endsAt: z.number(), running: z.boolean() }).nullable(),
  checkIn: checkInSchema.nullable(),
  items: z.array(inboxItemSchema),
  estimatedMinutes: z.number(),
  itemsLeft: z.number(),
  people: z.array(
    z.object({
      source: z.enum(['inbox', 'listening']),
      network: z.string(),
      handle: z.string(),
      name: z.string(),
      url: z.string().nullable(),
      avatarUrl: z.string().nullable(),
      followsUs: z.boolean().nullable(),
      items: z.number(),
      lastAt: z.number(),
      question: z.object({ mentionId: z.string(), text: z.string(), url: z.string().nullable() }).nullable(),
    }),
  ),
  scheduled: z.array(z.object({ postId: z.string(), text: z.string(), scheduledAt: z.number() })),
})

function presentToday(today: CheckInToday): z.infer<typeof todaySchema> {
  return { ...today, checkIn: today.checkIn ? presentCheckIn(today.checkIn) : null, items: today.items.map(presentInboxItem) }
}

export function checkInRoutes(app: App, ctx: EngageContext): void {
  app.get(
    '/api/check-ins/blocks',
    { config: { access: 'inbox.read' }, schema: { tags, summary: "The daily check-in blocks, on the workspace's clock", response: { 200: blocksSchema } } },
    async (request) => checkInBlocks(ctx, actorOf(request).workspaceId),
  )

  app.put(
    '/api/check-ins/blocks',
    {
      config: { access: 'inbox.configure' },
      schema: {
        tags,
        summary: 'Set the daily check-in blocks (at most 6 a day, not overlapping, each ending by midnight); refused as a whole with the problem on each field',
        body: z.object({ blocks: z.array(blockSchema).max(100) }),
        response: { 200: blocksSchema },
      },
    },
    async (request) => saveCheckInBlocks(ctx, actorOf(request), request.body.blocks),
  )

  app.get(
    '/api/check-ins/today',
    {
      config: { access: 'inbox.read' },
      schema: {
        tags,
        summary: "Today's check-in: the block running now or the next, its items (questions first, oldest first, sized to the block), people to talk to, what is scheduled that day, and whether it is done",
        response: { 200: todaySchema },
      },
    },
    async (request) => presentToday(await checkInToday(ctx, actorOf(request).workspaceId)),
  )

  app.post(
    '/api/check-ins/:id/complete',
    {
      config: { access: 'inbox.use' },
      schema: {
        tags,
        summary: 'Mark a check-in done: who, when and how many of its items got an answer (the first completion stands)',
        params: z.object({ id: idSchema }),
        response: { 200: z.object({ checkIn: checkInSchema }) },
      },
    },
    async (request) => ({ checkIn: presentCheckIn(await completeCheckIn(ctx, actorOf(request), request.params.id)) }),
  )
}
