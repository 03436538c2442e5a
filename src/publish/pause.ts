/**
 * Pausing a workspace's publishing: when listening sees a burst of negative mentions and the
 * owner turned the crisis pause on (or a person pauses by hand), due posts wait instead of going
 * out, so a cheerful promotion does not land in the middle of a crisis. Nothing is dropped:
 * waiting targets go back to the dispatcher when someone resumes.
 */
import { findPostById, findWorkspace, listWaitingTargetsOfWorkspace, transitionTarget, updateWorkspace } from '../store/index.js'
import type { PublishContext } from './context.js'
import { enqueueTarget } from './enqueue.js'

/** `errorKind` of a target waiting for its workspace's publishing to resume. */
export const workspacePausedKind = 'workspace_paused'

export type PauseReason = 'crisis' | 'manual'

/** Pauses publishing; false when it was already paused. */
export async function pausePublishing(ctx: PublishContext, workspaceId: string, reason: PauseReason): Promise<boolean> {
  const workspace = await findWorkspace(ctx.db, workspaceId)
  if (!workspace || workspace.publishingPausedAt !== null) return false
  await updateWorkspace(ctx.db, workspaceId, { publishingPausedAt: ctx.now(), publishingPausedReason: reason })
  ctx.logger.warn({ workspace: workspaceId, reason }, 'publishing paused')
  return true
}

/** Resumes publishing: posts that waited are sent now (their time has passed). Returns how many. */
export async function resumePublishing(ctx: PublishContext, workspaceId: string): Promise<number> {
  await updateWorkspace(ctx.db, workspaceId, { publishingPausedAt: null, publishingPausedReason: null })
  const now = ctx.now()
  let released = 0
  for (const target of await listWaitingTargetsOfWorkspace(ctx.db, workspaceId, workspacePausedKind)) {
    const post = await findPostById(ctx.db, target.postId)
    if (!post) continue
    if (await transitionTarget(ctx.db, target.id, ['waiting'], { status: 'pending', nextAttemptAt: now, errorKind: null, updatedAt: now })) {
      await enqueueTarget(ctx, { targetId: target.id, version: post.scheduleVersion, attempt: target.attempts, runAt: now })
      released++
    }
  }
  ctx.logger.info({ workspace: workspaceId, released }, 'publishing resumed')
  return released
}
