/**
 * One blog feed: its title and address, how its last reading went (the error in plain words),
 * the accounts it drafts for, "read now", removal, and auto-publishing (owners only; turning it
 * on asks once more, with the warning).
 */
import { Anchor, Avatar, Badge, Button, Card, Group, Modal, Stack, Switch, Text } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../../app/Notices'
import type { Account, Feed } from '../../app/publish-types'
import { ConfirmButton } from '../../components/ConfirmButton'
import { FormAlert } from '../../components/FormAlert'
import { useFormatters, useNow } from '../../i18n/format'
import { AccountAvatar } from '../accounts'
import { AutoPublishWarning } from './AutoPublishWarning'
import { useChangeFeed, usePollFeed, useRemoveFeed } from './publishing-queries'

export interface FeedRowProps {
  feed: Feed
  accounts: readonly Account[]
  canConfigure: boolean
  canPoll: boolean
  isOwner: boolean
}

export function FeedRow({ feed, accounts, canConfigure, canPoll, isOwner }: FeedRowProps) {
  const { t } = useTranslation()
  const { formatRelativeTime } = useFormatters()
  const now = useNow()
  const notify = useNotice()
  const change = useChangeFeed()
  const poll = usePollFeed()
  const remove = useRemoveFeed()
  const [confirming, setConfirming] = useState(false)
  const name = feed.title || feed.url
  const drafted = accounts.filter((account) => feed.accountIds.includes(account.id))

  const setAutoPublish = (autoPublish: boolean) =>
    change.mutate({ id: feed.id, autoPublish }, { onSuccess: () => notify(t(autoPublish ? 'feeds.autoPublishOn' : 'feeds.autoPublishOff', { title: name })) })

  return (
    <Card padding="md" data-testid={`feed-${feed.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} miw={0}>
            {feed.siteUrl ? (
              <Anchor href={feed.siteUrl} target="_blank" rel="noreferrer" fw={600} dir="auto" truncate="end">
                {name}
              </Anchor>
            ) : (
              <Text fw={600} dir="auto" truncate="end">
                {name}
              </Text>
            )}
            <Text size="xs" c="dimmed" dir="ltr" ta="start" truncate="end">
              {feed.url}
            </Text>
          </Stack>
          <Badge color={feed.status === 'active' ? 'teal' : 'red'} variant="light" radius="sm">
            {t(`feeds.status.${feed.status}`)}
          </Badge>
        </Group>
        {feed.error && (
          <Text size="sm" c="red.8" data-testid="feed-error">
            {feed.error}
          </Text>
        )}
        <Group gap="md">
          <Text size="xs" c="dimmed">
            {feed.lastPolledAt === null ? t('feeds.neverRead') : t('feeds.lastRead', { when: formatRelativeTime(feed.lastPolledAt, now) })}
          </Text>
          {drafted.length > 0 ? (
            <Avatar.Group spacing="xs">
              {drafted.map((account) => (
                <AccountAvatar key={account.id} account={account} size={22} />
              ))}
            </Avatar.Group>
          ) : (
            <Text size="xs" c="dimmed">
              {t('feeds.noAccounts')}
            </Text>
          )}
        </Group>
        <Switch
          label={t('feeds.autoPublish')}
          description={isOwner ? t('feeds.autoPublishHint') : t('feeds.autoPublishOwnerOnly')}
          checked={feed.autoPublish}
          disabled={!isOwner || change.isPending}
          onChange={(event) => (event.currentTarget.checked ? setConfirming(true) : setAutoPublish(false))}
          data-testid="feed-auto-publish-toggle"
        />
        <FormAlert error={change.error ?? poll.error} />
        <Group justify="flex-end" gap="xs">
          {canPoll && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconRefresh size={14} />}
              loading={poll.isPending}
              onClick={() => poll.mutate(feed.id, { onSuccess: ({ newArticles }) => notify(t('feeds.polled', { count: newArticles })) })}
              data-testid="feed-poll"
            >
              {t('feeds.pollNow')}
            </Button>
          )}
          {canConfigure && (
            <ConfirmButton
              label={t('feeds.remove')}
              title={t('feeds.removeTitle', { title: name })}
              message={t('feeds.removeMessage')}
              confirmLabel={t('feeds.remove')}
              onConfirm={() => remove.mutateAsync(feed.id).then(() => notify(t('feeds.removed', { title: name })))}
              data-testid={`feed-remove-${feed.id}`}
            />
          )}
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('feeds.autoPublishConfirmTitle', { title: name })} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <AutoPublishWarning />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('feeds.keepReviewing')}
            </Button>
            <Button
              color="yellow"
              onClick={() => {
                setConfirming(false)
                setAutoPublish(true)
              }}
              data-testid="feed-auto-publish-confirm"
            >
              {t('feeds.autoPublishConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  )
}
