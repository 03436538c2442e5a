/**
 * Home's publishing cards, from the API: what goes out today, and what needs attention (posts
 * that failed or wait, accounts to reconnect, posts waiting for an admin's approval).
 */
import { Anchor, Box, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconAlertTriangle, IconCalendarEvent, IconCircleCheck, IconPencilPlus } from '@tabler/icons-react'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths, postPath } from '../../app/paths'
import type { Account, Post } from '../../app/publish-types'
import { useCan, useSession } from '../../app/session'
import { QueryState } from '../../components/QueryState'
import { useFormatters, useNow } from '../../i18n/format'
import { addDays, instantOf, wallTimeOf } from '../../i18n/zoned-time'
import { NetworkIcon, useAccounts } from '../accounts'
import { PostStatusBadge, usePostsInRange } from '../posts'

interface AttentionItem {
  key: string
  to: string
  text: string
}

function PostLine({ post }: { post: Post }) {
  const { t } = useTranslation()
  const { formatDate } = useFormatters()
  return (
    <Group gap="sm" wrap="nowrap" justify="space-between">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {post.scheduledAt === null ? '' : formatDate(post.scheduledAt, { timeStyle: 'short' })}
        </Text>
        {[...new Set(post.targets.map((target) => target.account.network))].map((network) => (
          <NetworkIcon key={network} network={network} size={14} />
        ))}
        <Anchor component={Link} to={postPath(post.id)} size="sm" truncate="end" dir="auto" c="dark">
          {post.text.trim() || t('calendar.imageOnly')}
        </Anchor>
      </Group>
      <Box style={{ flexShrink: 0 }}>
        <PostStatusBadge status={post.status} size="sm" />
      </Box>
    </Group>
  )
}

function attentionItems(posts: readonly Post[], accounts: readonly Account[], canApprove: boolean, t: TFunction): AttentionItem[] {
  const items: AttentionItem[] = []
  for (const account of accounts) {
    if (account.status === 'paused') items.push({ key: account.id, to: paths.settingsAccounts, text: t('home.attention.paused', { handle: account.handle, network: account.networkName }) })
    if (account.status === 'restricted') items.push({ key: account.id, to: paths.settingsAccounts, text: t('home.attention.restricted', { handle: account.handle, network: account.networkName }) })
  }
  for (const post of posts) {
    const failed = post.targets.filter((target) => target.status === 'failed').map((target) => target.account.networkName)
    const waiting = post.targets.filter((target) => target.status === 'waiting').map((target) => target.account.networkName)
    if (failed.length > 0) items.push({ key: `${post.id}-failed`, to: postPath(post.id), text: t('home.attention.failed', { networks: failed.join(', ') }) })
    if (waiting.length > 0) items.push({ key: `${post.id}-waiting`, to: postPath(post.id), text: t('home.attention.waiting', { networks: waiting.join(', ') }) })
    if (post.status === 'awaiting_approval' && canApprove) items.push({ key: `${post.id}-approval`, to: postPath(post.id), text: t('home.attention.approval') })
  }
  return items
}

function CardTitle({ icon, color, title }: { icon: ReactNode; color: string; title: string }) {
  return (
    <Group gap="sm">
      <ThemeIcon size={32} radius="md" variant="light" color={color}>
        {icon}
      </ThemeIcon>
      <Title order={2} fz="lg">
        {title}
      </Title>
    </Group>
  )
}

export function PublishingOverview() {
  const { t } = useTranslation()
  const { workspace } = useSession()
  const zone = workspace.timeZone
  const canWrite = useCan('posts.write')
  const canApprove = useCan('posts.approve')
  const now = useNow()
  const today = wallTimeOf(now, zone).date
  const dayStart = (date: string) => instantOf({ date, time: '00:00' }, zone)
  const todays = usePostsInRange(dayStart(today), dayStart(addDays(today, 1)))
  const recent = usePostsInRange(dayStart(addDays(today, -30)), dayStart(addDays(today, 60)))
  const accounts = useAccounts()

  return (
    <>
      <Card data-testid="home-today">
        <Stack gap="sm">
          <CardTitle icon={<IconCalendarEvent size={18} />} color="indigo" title={t('home.todayTitle')} />
          <QueryState query={todays}>
            {(posts) =>
              posts.length === 0 ? (
                <Stack gap="xs" align="flex-start">
                  <Text size="sm" c="dimmed">
                    {t('home.todayNone')}
                  </Text>
                  {canWrite && (
                    <Button component={Link} to={paths.compose} size="xs" variant="light" leftSection={<IconPencilPlus size={14} className="sc-mirror" />}>
                      {t('home.write')}
                    </Button>
                  )}
                </Stack>
              ) : (
                <Stack gap="xs">
                  {posts.map((post) => (
                    <PostLine key={post.id} post={post} />
                  ))}
                </Stack>
              )
            }
          </QueryState>
        </Stack>
      </Card>
      <Card data-testid="home-attention">
        <Stack gap="sm">
          <CardTitle icon={<IconAlertTriangle size={18} />} color="orange" title={t('home.attentionTitle')} />
          <QueryState query={recent}>
            {(posts) => {
              const items = attentionItems(posts, accounts.data ?? [], canApprove, t)
              return items.length === 0 ? (
                <Group gap="xs">
                  <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" />
                  <Text size="sm" c="dimmed">
                    {t('home.attentionNone')}
                  </Text>
                </Group>
              ) : (
                <Stack gap={6}>
                  {items.map((item) => (
                    <Anchor key={item.key} component={Link} to={item.to} size="sm">
                      {item.text}
                    </Anchor>
                  ))}
                </Stack>
              )
            }}
          </QueryState>
        </Stack>
      </Card>
    </>
  )
}
