/**
 * Ideas (/ideas): drafts made from new articles of the workspace's blog feeds. Each is read,
 * made to sound like a person, and scheduled, or let go. Reviewing beats auto-posting: a blog
 * pushed out untouched is the "fine, I'll try" habit this page helps grow out of.
 */
import { Anchor, Avatar, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { IconBulb, IconPencil } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useNotice } from '../../app/Notices'
import { paths, postEditPath } from '../../app/paths'
import type { Post } from '../../app/publish-types'
import { useCan } from '../../app/session'
import { ConfirmButton } from '../../components/ConfirmButton'
import { QueryState } from '../../components/QueryState'
import { useFormatters, useNow } from '../../i18n/format'
import { AccountAvatar } from '../accounts'
import { useDeletePost, useIdeas } from '../posts'

function IdeaCard({ idea, canWrite }: { idea: Post; canWrite: boolean }) {
  const { t } = useTranslation()
  const { formatRelativeTime } = useFormatters()
  const now = useNow()
  const notify = useNotice()
  const discard = useDeletePost()
  return (
    <Card data-testid={`idea-${idea.id}`}>
      <Stack gap="sm">
        <Text dir="auto" lineClamp={5} style={{ whiteSpace: 'pre-wrap' }}>
          {idea.text}
        </Text>
        <Group justify="space-between" gap="sm">
          <Group gap="xs">
            <Avatar.Group spacing="xs">
              {idea.targets.map((target) => (
                <AccountAvatar key={target.id} account={target.account} size={24} />
              ))}
            </Avatar.Group>
            <Text size="xs" c="dimmed">
              {t('ideas.found', { when: formatRelativeTime(idea.createdAt, now) })}
            </Text>
          </Group>
          {canWrite && (
            <Group gap="xs">
              <ConfirmButton
                label={t('ideas.discard')}
                title={t('ideas.discardTitle')}
                message={t('ideas.discardMessage')}
                confirmLabel={t('ideas.discard')}
                size="sm"
                onConfirm={() => discard.mutateAsync(idea.id).then(() => notify(t('ideas.discarded')))}
                data-testid={`idea-discard-${idea.id}`}
              />
              <Button component={Link} to={postEditPath(idea.id)} size="sm" leftSection={<IconPencil size={16} className="sc-mirror" />} data-testid={`idea-edit-${idea.id}`}>
                {t('ideas.edit')}
              </Button>
            </Group>
          )}
        </Group>
      </Stack>
    </Card>
  )
}

export function IdeasPage() {
  const { t } = useTranslation()
  const canWrite = useCan('posts.write')
  return (
    <Stack gap="lg" maw={880} data-testid="ideas-page">
      <Stack gap={4}>
        <Title order={1} fz={26}>
          {t('ideas.title')}
        </Title>
        <Text c="dimmed">{t('ideas.intro')}</Text>
      </Stack>
      <QueryState query={useIdeas()}>
        {(ideas) =>
          ideas.length === 0 ? (
            <Card bg="gray.0" withBorder={false}>
              <Group gap="md" wrap="nowrap" align="flex-start">
                <IconBulb size={28} color="var(--mantine-color-yellow-7)" style={{ flexShrink: 0 }} />
                <Stack gap={4}>
                  <Text fw={600}>{t('ideas.noneTitle')}</Text>
                  <Text size="sm">{t('ideas.none')}</Text>
                  <Anchor component={Link} to={paths.settingsPublishing} size="sm">
                    {t('ideas.addFeed')}
                  </Anchor>
                </Stack>
              </Group>
            </Card>
          ) : (
            <Stack gap="md">
              {ideas.map((idea) => (
                <IdeaCard key={idea.id} idea={idea} canWrite={canWrite} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  )
}
