/**
 * The calendar's grid: the weekday names, then the days, seven to a row. It is a CSS grid, so in
 * Arabic and Hebrew the days run from right to left like the rest of the page.
 */
import { Box, Text } from '@mantine/core'
import type { Post } from '../../app/publish-types'
import type { CalendarFormats } from './calendar-format'
import { sameMonth, weekdayOrder, type CalendarView } from './calendar-grid'
import { DayCell } from './DayCell'

export interface CalendarGridProps {
  view: CalendarView
  days: readonly string[]
  /** The date the view is about (its month decides which days are "outside"). */
  focus: string
  today: string
  firstDay: number
  postsByDay: ReadonlyMap<string, Post[]>
  formats: CalendarFormats
  dragging: boolean
  onDragStart: (post: Post) => void
  onDragEnd: () => void
  onDrop: (date: string) => void
  onShowDay: (date: string) => void
}

const columns = { display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))' } as const

export function CalendarGrid({ view, days, focus, today, firstDay, postsByDay, formats, ...handlers }: CalendarGridProps) {
  return (
    <Box
      data-testid={`calendar-${view}`}
      bg="white"
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}
    >
      <Box style={{ ...columns, marginInlineStart: -1 }} bg="gray.0">
        {weekdayOrder(firstDay).map((weekday, index) => (
          <Text
            key={weekday}
            size="xs"
            fw={600}
            c="dimmed"
            ta="center"
            py={6}
            data-testid={`calendar-weekday-${index}`}
            data-weekday={weekday}
            style={{ borderInlineStart: '1px solid var(--mantine-color-gray-3)' }}
          >
            {view === 'week' && days[index] ? `${formats.weekday(weekday, 'short')} ${formats.dayNumber(days[index])}` : formats.weekday(weekday, 'short')}
          </Text>
        ))}
      </Box>
      <Box style={{ ...columns, marginInlineStart: -1, marginBlockStart: -1 }}>
        {days.map((date) => (
          <DayCell
            key={date}
            date={date}
            posts={postsByDay.get(date) ?? []}
            formats={formats}
            isToday={date === today}
            outside={view === 'month' && !sameMonth(date, focus)}
            limit={view === 'month' ? 3 : 50}
            minHeight={view === 'month' ? 108 : 420}
            {...handlers}
          />
        ))}
      </Box>
    </Box>
  )
}
