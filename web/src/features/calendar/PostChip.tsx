/**
 * A post on the calendar: its time, networks and first words, coloured by status. Posts that
 * have not gone out can be dragged to another day; a click opens the post.
 */
import { Group, Text, UnstyledButton } from '@mantine/core'
import type { DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { postPath } from '../../app/paths'
import type { Post } from '../../app/publish-types'
import { NetworkIcon } from '../accounts'
import { isMovable, postStatusColors } from '../posts'

/** The type a dragged post travels as (plain text too, which every browser carries). */
export const postDragType = 'application/x-stagecraft-post'

export interface PostChipProps {
  post: Post
  time: string
  onDragStart: (post: Post) => void
  onDragEnd: () => void
}

export function PostChip({ post, time, onDragStart, onDragEnd }: PostChipProps) {
  const { t } = useTranslation()
  const movable = isMovable(post)
  const color = postStatusColors[post.status]
  const networks = [...new Set(post.targets.map((target) => target.account.network))]
  const networkNames = [...new Set(post.targets.map((target) => target.account.networkName))].join(', ')
  const snippet = post.text.trim() || t('calendar.imageOnly')
  const status = t(`posts.status.${post.status}`)

  const start = (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.setData(postDragType, post.id)
    event.dataTransfer.setData('text/plain', post.id)
    event.dataTransfer.effectAllowed = 'move'
    onDragStart(post)
  }

  return (
    <UnstyledButton
      component={Link}
      to={postPath(post.id)}
      draggable={movable}
      onDragStart={movable ? start : (event: DragEvent<HTMLElement>) => event.preventDefault()}
      onDragEnd={onDragEnd}
      aria-label={t('calendar.chipLabel', { time, status, networks: networkNames, text: snippet })}
      title={movable ? t('calendar.dragHint') : status}
      data-testid={`calendar-post-${post.id}`}
      data-status={post.status}
      style={{
        display: 'block',
        minWidth: 0,
        padding: '2px 6px',
        borderRadius: 4,
        borderInlineStart: `3px solid var(--mantine-color-${color}-6)`,
        background: `var(--mantine-color-${color}-0)`,
        cursor: movable ? 'grab' : 'pointer',
      }}
    >
      <Group gap={4} wrap="nowrap">
        <Text size="xs" fw={600} c={`${color}.9`} style={{ whiteSpace: 'nowrap' }}>
          {time}
        </Text>
        {networks.map((network) => (
          <NetworkIcon key={network} network={network} size={12} />
        ))}
      </Group>
      <Text size="xs" truncate="end" dir="auto" c="dark.6">
        {snippet}
      </Text>
    </UnstyledButton>
  )
}
