/**
 * The post's images: add one (checked first against what every chosen network takes, with a
 * message naming the network that would refuse it), describe each, reorder, remove.
 */
import { Alert, Button, FileButton, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconAlertCircle, IconPhotoPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Media } from '../../app/publish-types'
import { useErrorMessage } from '../../components/form-errors'
import { useFormatters } from '../../i18n/format'
import { moveItem } from './composer-state'
import { acceptedTypes, altTextLimit, checkFile, maxAttachments, type FileProblem, type NetworkMediaRules } from './media-checks'
import { MediaItem } from './MediaItem'
import { useUploadMedia } from './media-queries'

export interface MediaPickerProps {
  media: readonly Media[]
  onChange: (media: Media[]) => void
  /** The media rules of the networks the post goes to. */
  networks: readonly NetworkMediaRules[]
}

function useProblemText(): (problem: FileProblem) => string {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const megabytes = (bytes: number) => formatNumber(bytes / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
  return (problem) => {
    switch (problem.problem) {
      case 'type':
        return t('compose.media.typeRefused', { network: problem.network, type: problem.type })
      case 'size':
        return t('compose.media.tooLarge', { network: problem.network, max: megabytes(problem.maxBytes) })
      case 'count':
        return t('compose.media.tooMany', { network: problem.network, count: problem.max })
    }
  }
}

export function MediaPicker({ media, onChange, networks }: MediaPickerProps) {
  const { t } = useTranslation()
  const errorMessage = useErrorMessage()
  const problemText = useProblemText()
  const upload = useUploadMedia()
  const [refused, setRefused] = useState<string[]>([])
  const limit = maxAttachments(networks)
  const altTextMax = altTextLimit(networks)

  const add = (file: File | null) => {
    if (!file) return
    upload.reset()
    const problems = checkFile(file, media.length, networks)
    setRefused(problems.map(problemText))
    if (problems.length > 0) return
    upload.mutate({ file, altText: '' }, { onSuccess: (added) => onChange([...media, added]) })
  }

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t('compose.media.title')}
        </Text>
        <FileButton onChange={add} accept={acceptedTypes(networks)}>
          {(props) => (
            <Button
              {...props}
              variant="light"
              size="xs"
              leftSection={<IconPhotoPlus size={16} />}
              loading={upload.isPending}
              disabled={media.length >= limit}
              data-testid="media-add"
            >
              {t('compose.media.add')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t('compose.media.hint', { count: limit })}
      </Text>
      {(refused.length > 0 || upload.error) && (
        <Alert color="red" variant="light" p="xs" icon={<IconAlertCircle size={16} />} role="alert" data-testid="media-refused">
          <Stack gap={2}>
            {refused.map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
            {upload.error && <Text size="sm">{errorMessage(upload.error)}</Text>}
          </Stack>
        </Alert>
      )}
      {media.length > 0 && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          {media.map((item, index) => (
            <MediaItem
              key={item.id}
              media={item}
              position={index}
              count={media.length}
              altTextMax={altTextMax}
              onChange={(changed) => onChange(media.map((m) => (m.id === changed.id ? changed : m)))}
              onMove={(step) => onChange(moveItem(media, index, step))}
              onRemove={() => onChange(media.filter((m) => m.id !== item.id))}
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  )
}
