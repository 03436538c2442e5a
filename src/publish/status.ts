/** A post's status follows from its targets once it is scheduled. */
import type { PostStatus, TargetStatus } from '../store/index.js'

/**
 * - any target still to go: `publishing` when one is out already, else `scheduled`;
 * - all done: `published`, `partly_published` or `failed` by what happened.
 */
export function statusFromTargets(targets: TargetStatus[]): PostStatus {
  const active = targets.filter((s) => s === 'pending' || s === 'publishing' || s === 'waiting')
  const published = targets.filter((s) => s === 'published').length
  const failed = targets.filter((s) => s === 'failed').length
  if (active.length > 0) return published > 0 || active.includes('publishing') ? 'publishing' : 'scheduled'
  if (published > 0) return failed > 0 ? 'partly_published' : 'published'
  return 'failed'
}
