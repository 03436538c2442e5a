/** What the calendar's colours mean. */
import { Box, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PostStatus } from '../../app/publish-types'
import { postStatusColors } from '../posts'

const shown: PostStatus[] = ['awaiting_approval', 'scheduled', 'publishing', 'published', 'partly_published', 'failed']

export function StatusLegend() {
  const { t } = useTranslation()
  return (
    <Group gap="md" data-testid="calendar-legend">
      {shown.map((status) => (
        <Group key={status} gap={6} wrap="nowrap">
          <Box w={10} h={10} bg={`${postStatusColors[status]}.6`} style={{ borderRadius: 2 }} />
          <Text size="xs" c="dimmed">
            {t(`posts.status.${status}`)}
          </Text>
        </Group>
      ))}
    </Group>
  )
}
