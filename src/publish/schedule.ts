/**
 * Scheduling: publish now, at a wall time in the workspace's time zone, or in the next free queue
 * slot. With approval on, an editor's post waits for an admin. Each (re)schedule bumps the post's
 * schedule version, so jobs made for an earlier time do nothing when they run.
 */
import { errors, nextFreeSlot, resolveWallTime, type WallTime } from '../domain/index.js'
import {
  findPost,
  findWorkspace,
  listQueueSlots,
  listTargets,
  queuedInstants,
  transitionTarget,
  updatePost,
  type Post,
} from '../store/index.js'
import type { PublishActor, PublishContext } from './context.js'
import { enqueueTarget, enqueueTargets, type TargetRun } from './enqueue.js'
import { getPost, schedulingProblems, type PostView } from './posts.js'
import { statusFromTargets } from './status.js'

export type ScheduleRequest = { mode: 'now' } | { mode: 'at'; at: WallTime } | { mode: 'queue' }

/** Scheduled times may be this far in the past (a form submitted a minute late still works). */
const pastTolerance = 60_000

async function resolveTime(ctx: PublishContext, workspaceId: string, request: ScheduleRequest): Promise<number> {
  const now = ctx.now()
  if (request.mode === 'now') return now
  const workspace = await findWorkspace(ctx.db, workspaceId)
  if (!workspace) throw errors.notFound('workspace')
  if (request.mode === 'at') {
    const { instant } = resolveWallTime(request.at, workspace.timeZone)
    if (instant < now - pastTolerance) throw errors.badRequest('schedule_in_past')
    return Math.max(instant, now)
  }
  const slots = await listQueueSlots(ctx.db, workspaceId)
  if (slots.length === 0) throw errors.badRequest('queue_no_slots')
  const taken = new Set(await queuedInstants(ctx.db, workspaceId, now))
  const slot = nextFreeSlot({ slots, zone: workspace.timeZone, after: now, isTaken: (t) => taken.has(t) })
  if (slot === undefined) throw errors.badRequest('queue_full')
  return slot
}

/** Puts a post's unpublished targets on the dispatcher's calendar at `at`. */
async function release(ctx: PublishContext, post: Post, at: number, version: number): Promise<void> {
  const now = ctx.now()
  const runs: TargetRun[] = []
  for (const target of await listTargets(ctx.db, [post.id])) {
    if (!(await transitionTarget(ctx.db, target.id, ['pending', 'failed', 'waiting'], { status: 'pending', nextAttemptAt: null, errorKind: null, errorReason: null, updatedAt: now }))) continue
    runs.push({ targetId: target.id, version, attempt: target.attempts, runAt: at })
  }
  await enqueueTargets(ctx, runs)
}

/**
 * Schedules (or reschedules) a post. Editors' posts wait for approval when the workspace asks
 * for it; a post already partly out cannot move.
 */
export async function schedulePost(ctx: PublishContext, actor: PublishActor, postId: string, request: ScheduleRequest): Promise<PostView> {
  const view = await getPost(ctx, actor.workspaceId, postId)
  if (view.targets.some((t) => t.target.status === 'published' || t.target.status === 'publishing')) {
    throw errors.conflict('post_already_published')
  }
  const problems = schedulingProblems(view)
  if (problems) throw problems
  const at = await resolveTime(ctx, actor.workspaceId, request)
  const workspace = await findWorkspace(ctx.db, actor.workspaceId)
  const needsApproval = workspace?.approvalRequired === 1 && actor.role === 'editor'
  const version = view.post.scheduleVersion + 1
  const now = ctx.now()
  await updatePost(ctx.db, postId, {
    status: needsApproval ? 'awaiting_approval' : 'scheduled',
    scheduleMode: request.mode,
    scheduledAt: at,
    scheduleVersion: version,
    approvedBy: null,
    approvedAt: null,
    updatedAt: now,
  })
  if (!needsApproval) await release(ctx, { ...view.post, scheduleVersion: version }, at, version)
  return getPost(ctx, actor.workspaceId, postId)
}

/** An admin approves a waiting post: it goes out at its time, or now if that time has passed. */
export async function approvePost(ctx: PublishContext, actor: PublishActor, postId: string): Promise<PostView> {
  const post = await findPost(ctx.db, actor.workspaceId, postId)
  if (!post) throw errors.notFound('post')
  if (post.status !== 'awaiting_approval') throw errors.conflict('post_not_awaiting_approval')
  const now = ctx.now()
  const at = Math.max(post.scheduledAt ?? now, now)
  const version = post.scheduleVersion + 1
  await updatePost(ctx.db, postId, { status: 'scheduled', scheduledAt: at, scheduleVersion: version, approvedBy: actor.userId, approvedAt: now, updatedAt: now })
  await release(ctx, { ...post, scheduleVersion: version }, at, version)
  return getPost(ctx, actor.workspaceId, postId)
}

/** Takes a post off the calendar, back to draft (jobs already made become no-ops). */
export async function unschedulePost(ctx: PublishContext, actor: PublishActor, postId: string): Promise<PostView> {
  const view = await getPost(ctx, actor.workspaceId, postId)
  if (view.targets.some((t) => t.target.status === 'published' || t.target.status === 'publishing')) {
    throw errors.conflict('post_already_published')
  }
  await updatePost(ctx.db, postId, {
    status: 'draft',
    scheduleMode: null,
    scheduledAt: null,
    scheduleVersion: view.post.scheduleVersion + 1,
    updatedAt: ctx.now(),
  })
  return getPost(ctx, actor.workspaceId, postId)
}

/** Tries a failed target again now. */
export async function retryTarget(ctx: PublishContext, actor: PublishActor, postId: string, targetId: string): Promise<PostView> {
  const view = await getPost(ctx, actor.workspaceId, postId)
  const target = view.targets.find((t) => t.target.id === targetId)
  if (!target) throw errors.notFound('post')
  if (target.target.status !== 'failed') throw errors.conflict('target_not_failed')
  const now = ctx.now()
  if (await transitionTarget(ctx.db, targetId, ['failed'], { status: 'pending', errorKind: null, errorReason: null, nextAttemptAt: now, updatedAt: now })) {
    // The post leaves "failed" before the job exists: a job that ran first would find a failed
    // post, do nothing, and leave the target pending.
    const targets = await listTargets(ctx.db, [postId])
    await updatePost(ctx.db, postId, { status: statusFromTargets(targets.map((t) => t.status)), updatedAt: now })
    await enqueueTarget(ctx, { targetId, version: view.post.scheduleVersion, attempt: target.target.attempts, runAt: now })
  }
  return getPost(ctx, actor.workspaceId, postId)
}
