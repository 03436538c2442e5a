/** The calendar's title (the month, or the week's dates) and its controls: previous, today, next, month or week. */
import { ActionIcon, Button, Group, SegmentedControl, Title } from '@mantine/core'
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { calendarViews, type CalendarView } from './calendar-grid'

export interface CalendarToolbarProps {
  title: string
  view: CalendarView
  onView: (view: CalendarView) => void
  onStep: (step: number) => void
  onToday: () => void
}

function isView(value: string): value is CalendarView {
  return (calendarViews as readonly string[]).includes(value)
}

export function CalendarToolbar({ title, view, onView, onStep, onToday }: CalendarToolbarProps) {
  const { t } = useTranslation()
  return (
    <Group justify="space-between" gap="sm">
      <Group gap="xs" wrap="nowrap">
        <ActionIcon variant="default" size="lg" onClick={() => onStep(-1)} aria-label={t(view === 'month' ? 'calendar.previousMonth' : 'calendar.previousWeek')} data-testid="calendar-previous">
          <IconChevronLeft size={18} className="sc-mirror" />
        </ActionIcon>
        <Button variant="default" onClick={onToday} data-testid="calendar-today">
          {t('calendar.today')}
        </Button>
        <ActionIcon variant="default" size="lg" onClick={() => onStep(1)} aria-label={t(view === 'month' ? 'calendar.nextMonth' : 'calendar.nextWeek')} data-testid="calendar-next">
          <IconChevronRight size={18} className="sc-mirror" />
        </ActionIcon>
        <Title order={2} fz="xl" ms="sm" data-testid="calendar-title" aria-live="polite">
          {title}
        </Title>
      </Group>
      <SegmentedControl
        value={view}
        onChange={(value) => {
          if (isView(value)) onView(value)
        }}
        data={[
          { value: 'month', label: t('calendar.month') },
          { value: 'week', label: t('calendar.week') },
        ]}
        data-testid="calendar-view"
      />
    </Group>
  )
}
