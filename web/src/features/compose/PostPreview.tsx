/**
 * How the post will look on one account: picture, name and handle, the text in its own
 * direction (an Arabic post reads right to left even in an English interface), and the images.
 */
import { Box, Group, Image, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AccountRef, Media } from '../../app/publish-types'
import { AccountAvatar } from '../accounts'

export interface PostPreviewProps {
  account: Pick<AccountRef, 'network' | 'displayName' | 'handle' | 'avatarUrl'>
  text: string
  media: readonly Media[]
}

export function PostPreview({ account, text, media }: PostPreviewProps) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="sm" bg="white" data-testid="post-preview">
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <AccountAvatar account={account} size={36} />
        <Stack gap={4} miw={0} style={{ flex: 1 }}>
          <Group gap={6} wrap="nowrap" miw={0}>
            <Text size="sm" fw={600} truncate="end" dir="auto">
              {account.displayName}
            </Text>
            <Text size="xs" c="dimmed" truncate="end" dir="ltr">
              {account.handle}
            </Text>
          </Group>
          {text.trim() ? (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="post-preview-text">
              {text}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" fs="italic">
              {t('compose.previewEmpty')}
            </Text>
          )}
          {media.length > 0 && (
            <SimpleGrid cols={media.length === 1 ? 1 : 2} spacing={4} mt={4}>
              {media.map((item) => (
                <Box key={item.id} style={{ borderRadius: 8, overflow: 'hidden' }}>
                  <Image src={item.url} alt={item.altText} h={media.length === 1 ? 180 : 90} fit="cover" />
                </Box>
              ))}
            </SimpleGrid>
          )}
        </Stack>
      </Group>
    </Paper>
  )
}
