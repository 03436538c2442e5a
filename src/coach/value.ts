/**
 * The value check in the composer ("every post must give value"): the domain's rules, given the
 * workspace's latest posts and its plan's 4E mix. Hints only; nothing is ever blocked.
 */
import { checkValue, isContentType, type ContentType, type Plan, type ValueHint } from '../domain/index.js'
import { getCoachPlan, latestPosts } from '../store/index.js'
import type { CoachContext } from './context.js'

/** How many recent posts the rules look back on (promotional streaks, the mix). */
export const valueCheckLookback = 10

export async function checkDraftValue(ctx: CoachContext, workspaceId: string, draft: { text: string; contentType: ContentType | null }): Promise<ValueHint[]> {
  const [recent, planRow] = await Promise.all([latestPosts(ctx.db, workspaceId, valueCheckLookback), getCoachPlan(ctx.db, workspaceId)])
  const plan = planRow ? (JSON.parse(planRow.plan) as Plan) : null
  const mix = plan && Object.keys(plan.mix).length > 0 ? plan.mix : undefined
  return checkValue(draft, {
    recent: recent.map((post) => ({ text: post.text, contentType: isContentType(post.contentType) ? post.contentType : null })),
    ...(mix ? { planMix: mix } : {}),
  })
}
