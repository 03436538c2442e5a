/**
 * What a check-in holds: the messages to answer (questions first, the oldest first, as many as
 * fit in the block), the people worth talking to and why, and the posts scheduled that day.
 */
import { Anchor, Avatar, Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { Fragment, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate } from 'react-router'
import type { CheckInToday, PersonToTalkTo } from '../../../app/inbox-types'
import { inboxItemPath, paths, postPath } from '../../../app/paths'
import { textDirection } from '../../../components/bidi'
import { atHandle } from '../inbox-format'
import { InboxItemCard } from '../InboxItemCard'
import { safeHref } from '../safe-href'
import type { CheckInFormats } from './use-checkin-formats'

/** Posts listed before "and N more in the calendar". */
const scheduledShown = 6

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} fz="sm" fw={700}>
        {title}
      </Title>
      {children}
    </Stack>
  )
}

function Person({ person }: { person: PersonToTalkTo }) {
  const { t } = useTranslation()
  const href = safeHref(person.url)
  const name = person.name || atHandle(person.handle)
  const question = person.question
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="checkin-person" data-source={person.source}>
      <Avatar src={person.avatarUrl} name={name} color="initials" size={32} radius="xl" />
      <Stack gap={2} miw={0} style={{ flex: 1 }}>
        <Group gap={6} wrap="wrap">
          {href ? (
            <Anchor href={href} target="_blank" rel="noreferrer noopener" fw={600} size="sm" dir="auto" c="inherit">
              {name}
            </Anchor>
          ) : (
            <Text fw={600} size="sm" dir="auto">
              {name}
            </Text>
          )}
          {person.name && (
            <Text size="xs" c="dimmed" dir="ltr">
              {atHandle(person.handle)}
            </Text>
          )}
          {person.followsUs && (
            <Badge size="xs" variant="outline" color="teal" radius="sm" tt="none">
              {t('inbox.author.followsUs')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {person.source === 'listening' ? t('inbox.checkin.why.asked', { count: person.items }) : t('inbox.checkin.why.talked', { count: person.items })}
        </Text>
        {question && (
          <Text size="xs" dir={textDirection(question.text)} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {safeHref(question.url) ? (
              <Anchor href={safeHref(question.url)} target="_blank" rel="noreferrer noopener" inherit>
                {question.text}
              </Anchor>
            ) : (
              question.text
            )}
          </Text>
        )}
      </Stack>
    </Group>
  )
}

export interface CheckInContentProps {
  today: CheckInToday
  formats: CheckInFormats
  now: number
  names: ReadonlyMap<string, string>
  selectedId: string | undefined
  /** Whether the block is on today's calendar day (the scheduled posts are that day's). */
  isToday: boolean
}

export function CheckInContent({ today, formats, now, names, selectedId, isToday }: CheckInContentProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { search } = useLocation()
  const toItem = (id: string) => `${inboxItemPath(id)}${search}`
  const more = today.scheduled.length - scheduledShown
  return (
    <Stack gap="lg">
      <Section title={t('inbox.checkin.items')}>
        {today.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('inbox.checkin.noItems')}
          </Text>
        ) : (
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            {today.items.map((item, index) => (
              <Fragment key={item.id}>
                {index > 0 && <Divider />}
                <InboxItemCard item={item} now={now} to={toItem(item.id)} names={names} selected={item.id === selectedId} onOpen={() => void navigate(toItem(item.id))} data-testid={`checkin-item-${item.id}`} />
              </Fragment>
            ))}
          </Paper>
        )}
        {today.itemsLeft > 0 && (
          <Text size="xs" c="dimmed" data-testid="checkin-left">
            {t('inbox.checkin.left', { count: today.itemsLeft })}
          </Text>
        )}
      </Section>
      {today.people.length > 0 && (
        <Section title={t('inbox.checkin.people')}>
          <Text size="xs" c="dimmed">
            {t('inbox.checkin.peopleHint')}
          </Text>
          <Stack gap="sm">
            {today.people.map((person) => (
              <Person key={`${person.source}:${person.network}:${person.handle}`} person={person} />
            ))}
          </Stack>
        </Section>
      )}
      {today.scheduled.length > 0 && (
        <Section title={isToday ? t('inbox.checkin.scheduledToday') : t('inbox.checkin.scheduledThatDay')}>
          <Stack gap={6}>
            {today.scheduled.slice(0, scheduledShown).map((post) => (
              <Group key={post.postId} gap="sm" wrap="nowrap" align="baseline" data-testid="checkin-scheduled">
                <Text size="sm" fw={600} style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
                  <time dateTime={new Date(post.scheduledAt).toISOString()}>{formats.time(post.scheduledAt)}</time>
                </Text>
                <Anchor component={Link} to={postPath(post.postId)} size="sm" c="inherit" dir={textDirection(post.text)} lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
                  {post.text}
                </Anchor>
              </Group>
            ))}
          </Stack>
          {more > 0 && (
            <Anchor component={Link} to={paths.calendar} size="xs">
              {t('inbox.checkin.scheduledMore', { count: more })}
            </Anchor>
          )}
        </Section>
      )}
    </Stack>
  )
}
