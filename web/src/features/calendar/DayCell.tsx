/**
 * One day of the calendar: its number and its posts by time. A post dragged over it is dropped
 * onto it (same time of day, this date). In the month view a busy day shows its first posts and
 * how many more there are.
 */
import { Anchor, Box, Stack, Text } from '@mantine/core'
import { useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Post } from '../../app/publish-types'
import type { CalendarFormats } from './calendar-format'
import { PostChip, postDragType } from './PostChip'

export interface DayCellProps {
  date: string
  posts: readonly Post[]
  formats: CalendarFormats
  isToday: boolean
  /** A day of another month, shown at the edges of the month view. */
  outside: boolean
  /** Most posts shown before "+n more" (month view). */
  limit: number
  minHeight: number
  dragging: boolean
  onDragStart: (post: Post) => void
  onDragEnd: () => void
  onDrop: (date: string) => void
  onShowDay: (date: string) => void
}

export function DayCell({ date, posts, formats, isToday, outside, limit, minHeight, dragging, onDragStart, onDragEnd, onDrop, onShowDay }: DayCellProps) {
  const { t } = useTranslation()
  const [over, setOver] = useState(false)
  const shown = posts.slice(0, limit)
  const hidden = posts.length - shown.length

  const accepts = (event: DragEvent) => dragging || event.dataTransfer.types.includes(postDragType)
  const handleOver = (event: DragEvent) => {
    if (!accepts(event)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'move'
    if (!over) setOver(true)
  }
  const handleDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    onDrop(date)
  }

  return (
    <Box
      data-testid={`calendar-day-${date}`}
      data-date={date}
      data-today={isToday || undefined}
      onDragOver={handleOver}
      onDragEnter={handleOver}
      onDragLeave={() => setOver(false)}
      onDrop={handleDrop}
      p={6}
      mih={minHeight}
      style={{
        minWidth: 0,
        borderBlockStart: '1px solid var(--mantine-color-gray-3)',
        borderInlineStart: '1px solid var(--mantine-color-gray-3)',
        background: over ? 'var(--mantine-color-indigo-0)' : outside ? 'var(--mantine-color-gray-0)' : 'white',
        outline: over ? '2px dashed var(--mantine-color-indigo-4)' : undefined,
        outlineOffset: -3,
      }}
    >
      <Stack gap={4}>
        <Text
          size="xs"
          fw={isToday ? 700 : 500}
          c={isToday ? 'white' : outside ? 'dimmed' : 'dark.5'}
          bg={isToday ? 'indigo.7' : undefined}
          w={22}
          h={22}
          ta="center"
          lh="22px"
          style={{ borderRadius: '50%' }}
          aria-label={formats.fullDate(date)}
        >
          {formats.dayNumber(date)}
        </Text>
        {shown.map((post) => (
          <PostChip key={post.id} post={post} time={post.scheduledAt === null ? '' : formats.time(post.scheduledAt)} onDragStart={onDragStart} onDragEnd={onDragEnd} />
        ))}
        {hidden > 0 && (
          <Anchor component="button" type="button" size="xs" ta="start" onClick={() => onShowDay(date)}>
            {t('calendar.more', { count: hidden })}
          </Anchor>
        )}
      </Stack>
    </Box>
  )
}
