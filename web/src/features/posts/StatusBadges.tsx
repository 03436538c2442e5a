/** A post's status, and one network's status within it, as small coloured badges. */
import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PostStatus, TargetStatus } from '../../app/publish-types'
import { postStatusColors, targetStatusColors } from './post-status'

export function PostStatusBadge({ status, size = 'md' }: { status: PostStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation()
  return (
    <Badge color={postStatusColors[status]} variant="light" radius="sm" size={size} data-testid="post-status" data-status={status}>
      {t(`posts.status.${status}`)}
    </Badge>
  )
}

export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={targetStatusColors[status]} variant="dot" radius="sm" data-testid="target-status" data-status={status}>
      {t(`posts.targetStatus.${status}`)}
    </Badge>
  )
}
