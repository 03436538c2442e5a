/**
 * The team's saved replies, each in one language: a starting point for answers asked often
 * (opening hours, allergens), always edited before sending. Add one, or delete one.
 */
import { Badge, Button, Drawer, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SavedReply } from '../../app/inbox-types'
import { autoDirection } from '../../components/bidi'
import { ConfirmButton } from '../../components/ConfirmButton'
import { FormAlert } from '../../components/FormAlert'
import { fieldErrors } from '../../components/form-errors'
import { isLanguage, languageNames, languages } from '../../i18n/languages'
import { useAddSavedReply, useDeleteSavedReply } from './inbox-queries'

const fields = ['language', 'title', 'text'] as const

function AddSavedReply() {
  const { t, i18n } = useTranslation()
  const add = useAddSavedReply()
  const [language, setLanguage] = useState<string>(isLanguage(i18n.language) ? i18n.language : 'en')
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')
  const errors = fieldErrors(add.error, fields)
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        add.mutate(
          { language, title, text },
          {
            onSuccess: () => {
              setTitle('')
              setText('')
            },
          },
        )
      }}
    >
      <Stack gap="xs" data-testid="inbox-saved-add">
        <Text fw={600} size="sm">
          {t('inbox.saved.addTitle')}
        </Text>
        <Select
          label={t('inbox.saved.language')}
          data={languages.map((code) => ({ value: code, label: languageNames[code] }))}
          value={language}
          onChange={(value) => {
            if (value) setLanguage(value)
          }}
          allowDeselect={false}
          error={errors.language}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          ref={autoDirection}
          label={t('inbox.saved.name')}
          description={t('inbox.saved.nameHint')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
          maxLength={80}
          data-testid="inbox-saved-title"
        />
        <Textarea
          ref={autoDirection}
          label={t('inbox.saved.text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={errors.text}
          autosize
          minRows={3}
          data-testid="inbox-saved-text"
        />
        <FormAlert error={add.error} fields={fields} />
        <Group justify="flex-end">
          <Button type="submit" size="sm" disabled={!title.trim() || !text.trim()} loading={add.isPending} data-testid="inbox-saved-save">
            {t('inbox.saved.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export interface SavedRepliesDrawerProps {
  opened: boolean
  onClose: () => void
  /** In the order the picker offers them. */
  replies: readonly SavedReply[]
}

export function SavedRepliesDrawer({ opened, onClose, replies }: SavedRepliesDrawerProps) {
  const { t } = useTranslation()
  const remove = useDeleteSavedReply()
  // "right" is the end side: Mantine lays the drawer out with flexbox, so it opens on the left in Arabic and Hebrew.
  return (
    <Drawer opened={opened} onClose={onClose} position="right" title={t('inbox.saved.title')} closeButtonProps={{ 'aria-label': t('common.close') }} size="md">
      <Stack gap="lg" data-testid="inbox-saved-drawer">
        <Text size="sm" c="dimmed">
          {t('inbox.saved.intro')}
        </Text>
        {replies.length === 0 ? (
          <Text size="sm">{t('inbox.saved.none')}</Text>
        ) : (
          <Stack gap="sm">
            {replies.map((reply) => (
              <Stack key={reply.id} gap={4} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }} data-testid="inbox-saved-reply">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Group gap="xs" wrap="nowrap" miw={0}>
                    <Badge size="sm" variant="light" radius="sm" tt="none">
                      {isLanguage(reply.language) ? languageNames[reply.language] : reply.language}
                    </Badge>
                    <Text fw={600} size="sm" dir="auto" truncate="end">
                      {reply.title}
                    </Text>
                  </Group>
                  <ConfirmButton
                    label={t('inbox.saved.delete')}
                    title={t('inbox.saved.deleteTitle')}
                    message={t('inbox.saved.deleteMessage', { title: reply.title })}
                    confirmLabel={t('inbox.saved.delete')}
                    onConfirm={() => remove.mutateAsync(reply.id)}
                    data-testid="inbox-saved-delete"
                  />
                </Group>
                <Text size="sm" dir="auto" lineClamp={3} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {reply.text}
                </Text>
              </Stack>
            ))}
          </Stack>
        )}
        <AddSavedReply />
      </Stack>
    </Drawer>
  )
}
