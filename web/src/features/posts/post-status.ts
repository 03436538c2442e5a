/** What each post and network status looks like, and what may still be done with a post. */
import type { Post, PostStatus, TargetStatus } from '../../app/publish-types'

export const postStatusColors: Record<PostStatus, string> = {
  draft: 'gray',
  awaiting_approval: 'yellow',
  scheduled: 'indigo',
  publishing: 'cyan',
  published: 'teal',
  partly_published: 'orange',
  failed: 'red',
}

export const targetStatusColors: Record<TargetStatus, string> = {
  pending: 'indigo',
  publishing: 'cyan',
  published: 'teal',
  failed: 'red',
  waiting: 'orange',
  cancelled: 'gray',
}

/** Whether a post's text, accounts or images can still be changed. */
export function isEditable(post: Pick<Post, 'status'>): boolean {
  return post.status === 'draft' || post.status === 'awaiting_approval' || post.status === 'scheduled'
}

/** Whether a post may move to another time (nothing of it has gone out, and it is not going now). */
export function isMovable(post: Pick<Post, 'status' | 'targets'>): boolean {
  if (!isEditable(post)) return false
  return !post.targets.some((target) => target.status === 'published' || target.status === 'publishing')
}

/** Whether anything of the post went out, which keeps it from being deleted. */
export function hasGoneOut(post: Pick<Post, 'targets'>): boolean {
  return post.targets.some((target) => target.status === 'published' || target.status === 'publishing')
}
