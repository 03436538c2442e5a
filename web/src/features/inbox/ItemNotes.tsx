/** Internal notes on an item: what the team knows or decided, never sent to the person. */
import { Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InboxNote } from '../../app/inbox-types'
import { autoDirection } from '../../components/bidi'
import { FormAlert } from '../../components/FormAlert'
import { fieldError } from '../../components/form-errors'
import { useFormatters } from '../../i18n/format'
import { useAddNote } from './inbox-queries'

/** The note's one field, whose error shows under it. */
const noteFields = ['text'] as const

export interface ItemNotesProps {
  itemId: string
  notes: readonly InboxNote[]
  names: ReadonlyMap<string, string>
  canAdd: boolean
}

export function ItemNotes({ itemId, notes, names, canAdd }: ItemNotesProps) {
  const { t } = useTranslation()
  const { formatDateTime } = useFormatters()
  const [text, setText] = useState('')
  const add = useAddNote(itemId)
  const textError = fieldError(add.error, noteFields[0])
  return (
    <Stack gap="xs" data-testid="inbox-notes">
      <Text fw={600} size="sm">
        {t('inbox.notes.title')}
      </Text>
      {notes.length === 0 && !canAdd && (
        <Text size="sm" c="dimmed">
          {t('inbox.notes.none')}
        </Text>
      )}
      {notes.map((note) => (
        <Stack key={note.id} gap={2} p="xs" bg="yellow.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }} data-testid="inbox-note">
          <Text size="xs" c="dimmed">
            {t('inbox.notes.byline', { name: (note.authorId && names.get(note.authorId)) || t('inbox.item.someone'), time: formatDateTime(note.createdAt) })}
          </Text>
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {note.text}
          </Text>
        </Stack>
      ))}
      {canAdd && (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            if (text.trim()) add.mutate(text, { onSuccess: () => setText('') })
          }}
        >
          <Stack gap="xs">
            <Textarea
              ref={autoDirection}
              aria-label={t('inbox.notes.label')}
              placeholder={t('inbox.notes.placeholder')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              autosize
              minRows={2}
              error={textError}
              data-testid="inbox-note-text"
            />
            <FormAlert error={add.error} fields={noteFields} />
            <Group justify="flex-end">
              <Button type="submit" size="xs" variant="default" disabled={!text.trim()} loading={add.isPending} data-testid="inbox-note-add">
                {t('inbox.notes.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  )
}
