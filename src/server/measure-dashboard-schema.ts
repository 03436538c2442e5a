/** The measure dashboard's answer as an API schema (serialization and the API reference). */
import { z } from 'zod'

const count = z.number()
const maybe = z.number().nullable()

const totals = z.object({
  posts: count,
  followers: maybe,
  followersChange: maybe,
  reach: maybe,
  views: maybe,
  likes: count,
  reposts: count,
  replies: count,
  quotes: count,
  engagement: count,
  engagementRate: maybe,
  clicks: count,
  botClicks: count,
  visitors: count,
  conversions: count,
  revenue: count,
  hearAnswers: count,
  hearSocial: count,
})

const scorePart = z.object({
  key: z.string(),
  score: maybe,
  weight: z.number(),
  inputs: z.array(z.object({ name: z.string(), value: maybe })),
  formulaValues: z.record(z.string(), z.number()).optional(),
})

const contentType = z.enum(['educate', 'entertain', 'engage', 'empower'])

const responseStats = z.object({ items: count, answered: count, medianMs: maybe, withinTarget: count, shareWithinTarget: maybe })

export const dashboardSchema = z.object({
  period: z.object({ from: z.string(), to: z.string(), days: count, timeZone: z.string() }),
  previous: z.object({ from: z.string(), to: z.string() }),
  currency: z.string().nullable(),
  totals,
  previousTotals: totals,
  daily: z.array(
    z.object({ day: z.string(), posts: count, engagement: count, clicks: count, botClicks: count, visitors: count, conversions: count, revenue: count, followers: maybe }),
  ),
  byNetwork: z.array(
    z.object({ network: z.string(), posts: count, followers: maybe, reach: maybe, engagement: count, engagementRate: maybe, clicks: count, conversions: count, revenue: count }),
  ),
  byContentType: z.array(
    z.object({ contentType: z.union([contentType, z.literal('none')]), posts: count, engagement: count, engagementRate: maybe, clicks: count, conversions: count, revenue: count }),
  ),
  topPosts: z.array(
    z.object({
      postId: z.string(),
      targetId: z.string(),
      network: z.string(),
      handle: z.string(),
      text: z.string(),
      contentType: contentType.nullable(),
      publishedAt: count,
      url: z.string().nullable(),
      likes: count,
      reposts: count,
      replies: count,
      quotes: count,
      views: maybe,
      engagement: count,
      engagementRate: maybe,
      clicks: count,
      conversions: count,
      revenue: count,
    }),
  ),
  bestTimes: z.object({
    posts: count,
    cells: z.array(z.object({ weekday: count, hour: count, posts: count, engagement: count, clicks: count })),
    best: z.array(z.object({ weekday: count, hour: count })),
  }),
  hearAnswers: z.array(z.object({ answer: z.string(), count })),
  influence: z.object({ score: maybe, parts: z.array(scorePart) }),
  equity: z.object({ parts: z.array(scorePart) }),
  responses: z.object({
    targetMinutes: count,
    overall: responseStats.nullable(),
    previousOverall: responseStats.nullable(),
    byNetwork: z.array(z.object({ network: z.string(), stats: responseStats })),
  }),
  freshness: z.object({ metricsAt: maybe, rolledUntil: z.string().nullable() }),
})
