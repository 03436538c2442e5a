/**
 * The period's posts that brought in the most (conversions, then clicks, then engagement, as the
 * API ranks them), not the most liked: each with its text, network, date, figures and a link to
 * the post on its network.
 */
import { ActionIcon, Anchor, Card, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { MeasureDashboard, PostRow } from '../../../app/measure-types'
import { postPath } from '../../../app/paths'
import { useFormatters } from '../../../i18n/format'
import { NetworkIcon } from '../../accounts'
import { formatConversionValue } from '../measure-format'

function TopPostRow({ post, currency, networkName }: { post: PostRow; currency: string | null; networkName: (id: string) => string }) {
  const { t, i18n } = useTranslation()
  const { formatDate, formatNumber } = useFormatters()
  const network = networkName(post.network)
  return (
    <Table.Tr data-testid={`dashboard-top-post-${post.targetId}`}>
      <Table.Td maw={320}>
        <Stack gap={2}>
          <Anchor component={Link} to={postPath(post.postId)} size="sm" dir="auto" lineClamp={2} c="dark">
            {post.text.trim() || t('measure.dashboard.topPosts.noText')}
          </Anchor>
          <Group gap={4} wrap="nowrap">
            <NetworkIcon network={post.network} size={14} />
            <Text size="xs" c="dimmed" truncate="end">
              {network}
            </Text>
            <Text size="xs" c="dimmed" dir="ltr" truncate="end">
              {post.handle}
            </Text>
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDate(post.publishedAt)}
        </Text>
      </Table.Td>
      <Table.Td>{formatNumber(post.engagement)}</Table.Td>
      <Table.Td data-testid={`dashboard-top-post-${post.targetId}-clicks`}>{formatNumber(post.clicks)}</Table.Td>
      <Table.Td data-testid={`dashboard-top-post-${post.targetId}-conversions`}>
        <Text size="sm" fw={700}>
          {formatNumber(post.conversions)}
        </Text>
      </Table.Td>
      <Table.Td>{formatConversionValue({ value: post.revenue, currency }, i18n.language)}</Table.Td>
      <Table.Td>
        {post.url && (
          <Tooltip label={t('measure.dashboard.topPosts.open', { network })}>
            <ActionIcon component="a" href={post.url} target="_blank" rel="noopener noreferrer" variant="subtle" aria-label={t('measure.dashboard.topPosts.open', { network })}>
              <IconExternalLink size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Table.Td>
    </Table.Tr>
  )
}

export function TopPosts({ dashboard, networkName }: { dashboard: MeasureDashboard; networkName: (id: string) => string }) {
  const { t } = useTranslation()
  const headings = [
    t('measure.dashboard.columns.post'),
    t('measure.dashboard.columns.published'),
    t('measure.dashboard.columns.engagement'),
    t('measure.dashboard.columns.clicks'),
    t('measure.dashboard.columns.conversions'),
    t('measure.dashboard.columns.revenue'),
    t('measure.dashboard.columns.onNetwork'),
  ]
  return (
    <Card padding="md" data-testid="dashboard-top-posts">
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={3} fz="md">
            {t('measure.dashboard.topPosts.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('measure.dashboard.topPosts.intro')}
          </Text>
        </Stack>
        {dashboard.topPosts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('measure.dashboard.nothingInPeriod')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  {headings.map((heading) => (
                    <Table.Th key={heading}>{heading}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dashboard.topPosts.map((post) => (
                  <TopPostRow key={post.targetId} post={post} currency={dashboard.currency} networkName={networkName} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  )
}
