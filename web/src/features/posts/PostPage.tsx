/**
 * A post's page: its status and time (on the workspace's clocks, with the zone named), its text,
 * images and 4E, what happened on each network, and what can be done with it. While the post is
 * going out the page looks again every few seconds.
 */
import { Anchor, Badge, Card, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { paths } from '../../app/paths'
import type { Post } from '../../app/publish-types'
import { useCan, useSession } from '../../app/session'
import { FormAlert } from '../../components/FormAlert'
import { QueryState } from '../../components/QueryState'
import { useFormatters } from '../../i18n/format'
import { PostActions } from './PostActions'
import { usePost, usePostAction } from './post-queries'
import { PostStatusBadge } from './StatusBadges'
import { TargetOutcome } from './TargetOutcome'

function When({ post }: { post: Post }) {
  const { t } = useTranslation()
  const { formatDate } = useFormatters()
  const { workspace } = useSession()
  const zone = workspace.timeZone.replaceAll('_', ' ')
  if (post.scheduledAt === null) {
    return (
      <Text c="dimmed" data-testid="post-when">
        {t(post.source === 'feed' ? 'posts.idea' : 'posts.notScheduled')}
      </Text>
    )
  }
  const when = formatDate(post.scheduledAt, { dateStyle: 'full', timeStyle: 'short' })
  const key =
    post.status === 'published' || post.status === 'partly_published' ? 'posts.wentOutAt' : post.status === 'failed' ? 'posts.wasDueAt' : 'posts.scheduledFor'
  return (
    <Text c="dimmed" data-testid="post-when">
      {t(key, { when, zone })}
    </Text>
  )
}

function PostView({ post }: { post: Post }) {
  const { t } = useTranslation()
  const canWrite = useCan('posts.write')
  const retry = usePostAction()
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Group gap="sm">
          <Title order={1} fz={26}>
            {t('posts.title')}
          </Title>
          <PostStatusBadge status={post.status} size="lg" />
          {post.contentType && (
            <Badge variant="outline" color="grape" radius="sm" data-testid="post-content-type">
              {t(`contentTypes.${post.contentType}.name`)}
            </Badge>
          )}
        </Group>
        <When post={post} />
      </Stack>
      <PostActions post={post} />
      <Card>
        <Stack gap="sm">
          {post.text.trim() ? (
            <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="post-text">
              {post.text}
            </Text>
          ) : (
            <Text c="dimmed" fs="italic">
              {t('posts.noText')}
            </Text>
          )}
          {post.media.length > 0 && (
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              {post.media.map((media) => (
                <Image key={media.id} src={media.url} alt={media.altText} h={120} fit="cover" radius="sm" />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      </Card>
      <Title order={2} fz="lg">
        {t('posts.networks')}
      </Title>
      {post.targets.length === 0 ? (
        <Text c="dimmed">{t('posts.noNetworks')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" data-testid="post-targets">
          {post.targets.map((target) => (
            <TargetOutcome
              key={target.id}
              target={target}
              onRetry={canWrite ? () => retry.mutate({ id: post.id, action: { kind: 'retry', targetId: target.id } }) : undefined}
              retrying={retry.isPending && retry.variables.action.kind === 'retry' && retry.variables.action.targetId === target.id}
            />
          ))}
        </SimpleGrid>
      )}
      <FormAlert error={retry.error} />
    </Stack>
  )
}

export function PostPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  return (
    <Stack gap="md" maw={960} data-testid="post-page">
      <Anchor component={Link} to={paths.calendar} size="sm">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} className="sc-mirror" />
          {t('posts.backToCalendar')}
        </Group>
      </Anchor>
      <QueryState query={usePost(id)}>{(post) => <PostView post={post} />}</QueryState>
    </Stack>
  )
}
