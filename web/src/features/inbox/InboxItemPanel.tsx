/**
 * One item opened (/inbox/:id): the thread above it as the network has it, the item itself, what
 * the team does with it (assign, snooze, done), the answers sent and the box to answer, the other
 * messages of the conversation in the inbox, and internal notes.
 * Beside the list on wide screens, on its own on a phone.
 */
import { Anchor, Divider, Group, Paper, Stack, Text } from '@mantine/core'
import { IconArrowLeft, IconExternalLink } from '@tabler/icons-react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import type { InboxDetail } from '../../app/inbox-types'
import { inboxItemPath, paths } from '../../app/paths'
import { useCan } from '../../app/session'
import { LoadError } from '../../components/LoadError'
import { PageLoader } from '../../components/PageLoader'
import { useNow } from '../../i18n/format'
import { useInboxItem, useTeam } from './inbox-queries'
import { InboxItemCard } from './InboxItemCard'
import { ItemActions } from './ItemActions'
import { ItemAnswers } from './ItemAnswers'
import { ItemNotes } from './ItemNotes'
import { ReplyBox } from './ReplyBox'
import { ThreadAbove } from './ThreadAbove'
import { safeHref } from './safe-href'

function Detail({ detail }: { detail: InboxDetail }) {
  const { t } = useTranslation()
  const now = useNow()
  const navigate = useNavigate()
  const { search } = useLocation()
  const { members, names } = useTeam()
  const canUse = useCan('inbox.use')
  const canAnswer = useCan('posts.write')
  const { item, conversation } = detail
  const toItem = (id: string) => `${inboxItemPath(id)}${search}`
  const href = safeHref(item.url)
  return (
    <Stack gap="md">
      <ThreadAbove itemId={item.id} network={item.network} now={now} />
      <Paper withBorder radius="md" shadow="xs" style={{ overflow: 'hidden' }}>
        <InboxItemCard item={item} now={now} to={toItem(item.id)} names={names} selected full data-testid="inbox-open-item" />
      </Paper>
      {href && (
        <Anchor href={href} target="_blank" rel="noreferrer noopener" size="sm" data-testid="inbox-item-link">
          <Group gap={4} wrap="nowrap">
            {t('inbox.panel.openOnNetwork')}
            <IconExternalLink size={14} className="sc-mirror" aria-hidden />
          </Group>
        </Anchor>
      )}
      {canUse && <ItemActions item={item} members={members} now={now} />}
      <ItemAnswers answers={detail.replies} names={names} />
      {/* A new box per item: its text starts from that item's draft answer, and stays while the item refreshes. */}
      {canAnswer && <ReplyBox key={item.id} detail={detail} />}
      {conversation.length > 0 && (
        <Stack gap={4} data-testid="inbox-conversation">
          <Text size="xs" c="dimmed">
            {t('inbox.panel.conversation', { count: conversation.length })}
          </Text>
          <Paper withBorder radius="md" bg="gray.0" style={{ overflow: 'hidden' }}>
            {conversation.map((other, index) => (
              <Fragment key={other.id}>
                {index > 0 && <Divider />}
                <InboxItemCard item={other} now={now} to={toItem(other.id)} names={names} onOpen={() => void navigate(toItem(other.id))} data-testid={`inbox-conversation-${other.id}`} />
              </Fragment>
            ))}
          </Paper>
        </Stack>
      )}
      <Divider />
      <ItemNotes key={`notes-${item.id}`} itemId={item.id} notes={detail.notes} names={names} canAdd={canUse} />
    </Stack>
  )
}

export function InboxItemPanel() {
  const { t } = useTranslation()
  const { id } = useParams()
  const { search } = useLocation()
  const detail = useInboxItem(id)
  return (
    <Stack gap="sm" data-testid="inbox-panel">
      <Anchor component={Link} to={`${paths.inbox}${search}`} size="sm" data-testid="inbox-back">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} className="sc-mirror" aria-hidden />
          {t('inbox.panel.back')}
        </Group>
      </Anchor>
      {detail.isPending ? (
        <PageLoader />
      ) : detail.data ? (
        <Detail detail={detail.data} />
      ) : (
        <LoadError error={detail.error} onRetry={() => void detail.refetch()} />
      )}
    </Stack>
  )
}
