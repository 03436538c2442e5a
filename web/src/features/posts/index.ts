/**
 * Posts: the post page (each network's outcome, approve, retry, edit, unschedule, delete), the
 * queries every publishing page shares, and how statuses look.
 */
export { PostPage } from './PostPage'
export { PostStatusBadge, TargetStatusBadge } from './StatusBadges'
export { hasGoneOut, isEditable, isMovable, postStatusColors } from './post-status'
export { fetchPreview, postsKey, useDeletePost, useIdeas, usePost, usePostAction, usePostsInRange, useSavePost, type PostAction } from './post-queries'
