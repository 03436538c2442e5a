/**
 * The calendar (/calendar): posts by day in a month or week, on the workspace's dates. Dragging a
 * post to another day reschedules it at the same time of day; the server may refuse (a time in
 * the past, a post already out) and its reason is shown. The view and date live in the address.
 */
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core'
import { IconAlertCircle, IconPencilPlus } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useNotice } from '../../app/Notices'
import { paths } from '../../app/paths'
import type { Post } from '../../app/publish-types'
import { useCan, useSession } from '../../app/session'
import { LoadError } from '../../components/LoadError'
import { useErrorMessage } from '../../components/form-errors'
import { useNow } from '../../i18n/format'
import { instantOf, isDate, wallTimeOf } from '../../i18n/zoned-time'
import { usePostAction, usePostsInRange } from '../posts'
import { useCalendarFormats } from './calendar-format'
import { firstDayOfWeek, periodOf, shiftDate, type CalendarView } from './calendar-grid'
import { CalendarGrid } from './CalendarGrid'
import { CalendarToolbar } from './CalendarToolbar'
import { StatusLegend } from './StatusLegend'

function groupByDay(posts: readonly Post[], zone: string): Map<string, Post[]> {
  const byDay = new Map<string, Post[]>()
  for (const post of posts) {
    if (post.scheduledAt === null) continue
    const { date } = wallTimeOf(post.scheduledAt, zone)
    byDay.set(date, [...(byDay.get(date) ?? []), post])
  }
  return byDay
}

export function CalendarPage() {
  const { t, i18n } = useTranslation()
  const { workspace } = useSession()
  const zone = workspace.timeZone
  const canWrite = useCan('posts.write')
  const formats = useCalendarFormats()
  const notify = useNotice()
  const errorMessage = useErrorMessage()
  const now = useNow()
  const [params, setParams] = useSearchParams()
  const today = wallTimeOf(now, zone).date
  const view: CalendarView = params.get('view') === 'week' ? 'week' : 'month'
  const requested = params.get('date') ?? ''
  const focus = isDate(requested) ? requested : today
  const firstDay = firstDayOfWeek(i18n.language)
  const period = periodOf(view, focus, firstDay)
  const from = instantOf({ date: period.days[0]!, time: '00:00' }, zone)
  const to = instantOf({ date: period.end, time: '00:00' }, zone)
  const posts = usePostsInRange(from, to)
  const postsByDay = useMemo(() => groupByDay(posts.data ?? [], zone), [posts.data, zone])
  const move = usePostAction()
  const [dragged, setDragged] = useState<Post | null>(null)

  const go = (next: { view?: CalendarView; date?: string }) => setParams({ view: next.view ?? view, date: next.date ?? focus })
  const title = view === 'month' ? formats.monthTitle(focus) : formats.rangeTitle(period.days[0]!, period.days[6]!)

  const drop = (date: string) => {
    const post = dragged
    setDragged(null)
    if (!post || post.scheduledAt === null || !canWrite) return
    const current = wallTimeOf(post.scheduledAt, zone)
    if (current.date === date) return
    move.mutate(
      { id: post.id, action: { kind: 'schedule', schedule: { mode: 'at', at: { date, time: current.time } } } },
      { onSuccess: () => notify(t('calendar.moved', { date: formats.fullDate(date), time: formats.time(post.scheduledAt!) })) },
    )
  }

  return (
    <Stack gap="md" data-testid="calendar-page">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} fz={26}>
            {t('calendar.title')}
          </Title>
          <Text c="dimmed" size="sm" data-testid="calendar-zone">
            {t('calendar.zone', { zone: zone.replaceAll('_', ' ') })}
          </Text>
        </Stack>
        {canWrite && (
          <Button component={Link} to={paths.compose} leftSection={<IconPencilPlus size={16} className="sc-mirror" />}>
            {t('calendar.write')}
          </Button>
        )}
      </Group>
      <CalendarToolbar
        title={title}
        view={view}
        onView={(next) => go({ view: next })}
        onStep={(step) => go({ date: shiftDate(view, focus, step) })}
        onToday={() => go({ date: today })}
      />
      {move.error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} withCloseButton onClose={() => move.reset()} closeButtonLabel={t('common.close')} role="alert" data-testid="calendar-move-error">
          {t('calendar.moveFailed', { reason: errorMessage(move.error) })}
        </Alert>
      )}
      {posts.isError && <LoadError error={posts.error} onRetry={() => void posts.refetch()} />}
      <CalendarGrid
        view={view}
        days={period.days}
        focus={focus}
        today={today}
        firstDay={firstDay}
        postsByDay={postsByDay}
        formats={formats}
        dragging={dragged !== null}
        onDragStart={setDragged}
        onDragEnd={() => setDragged(null)}
        onDrop={drop}
        onShowDay={(date) => go({ view: 'week', date })}
      />
      <StatusLegend />
    </Stack>
  )
}
