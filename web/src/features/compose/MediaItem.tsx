/**
 * One attached image: its thumbnail, its description for people who can't see it (saved when
 * the field is left), and buttons to move it earlier or later and to remove it.
 */
import { ActionIcon, Box, Card, Group, Image, Stack, Textarea } from '@mantine/core'
import { IconChevronLeft, IconChevronRight, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Media } from '../../app/publish-types'
import { autoDirection } from '../../components/bidi'
import { useErrorMessage } from '../../components/form-errors'
import { useSetAltText } from './media-queries'

export interface MediaItemProps {
  media: Media
  position: number
  count: number
  altTextMax: number | undefined
  onChange: (media: Media) => void
  onMove: (step: number) => void
  onRemove: () => void
}

export function MediaItem({ media, position, count, altTextMax, onChange, onMove, onRemove }: MediaItemProps) {
  const { t } = useTranslation()
  const message = useErrorMessage()
  const setAltText = useSetAltText()
  const [altText, setLocalAltText] = useState(media.altText)
  const number = position + 1

  const save = () => {
    if (altText.trim() === media.altText) return
    setAltText.mutate({ id: media.id, altText }, { onSuccess: onChange })
  }

  return (
    <Card padding="xs" data-testid={`media-${position}`}>
      <Stack gap="xs">
        <Box pos="relative">
          <Image src={media.url} alt={media.altText} h={120} fit="cover" radius="sm" />
          <Group gap={4} pos="absolute" top={6} style={{ insetInlineEnd: 6 }}>
            <ActionIcon
              variant="white"
              size="sm"
              disabled={position === 0}
              onClick={() => onMove(-1)}
              aria-label={t('compose.media.moveEarlier', { number })}
            >
              <IconChevronLeft size={14} className="sc-mirror" />
            </ActionIcon>
            <ActionIcon
              variant="white"
              size="sm"
              disabled={position === count - 1}
              onClick={() => onMove(1)}
              aria-label={t('compose.media.moveLater', { number })}
            >
              <IconChevronRight size={14} className="sc-mirror" />
            </ActionIcon>
            <ActionIcon variant="white" color="red" size="sm" onClick={onRemove} aria-label={t('compose.media.remove', { number })} data-testid="media-remove">
              <IconX size={14} />
            </ActionIcon>
          </Group>
        </Box>
        <Textarea
          label={t('compose.media.altText', { number })}
          placeholder={t('compose.media.altTextPlaceholder')}
          ref={autoDirection}
          autosize
          minRows={2}
          maxLength={altTextMax}
          value={altText}
          onChange={(event) => setLocalAltText(event.currentTarget.value)}
          onBlur={save}
          error={setAltText.error ? message(setAltText.error) : undefined}
          size="xs"
          data-testid="media-alt-text"
        />
      </Stack>
    </Card>
  )
}
