/**
 * Answering from the app: the text (in its own direction, with the network's own live counter), a saved reply to
 * start from (the item's language first, then the reader's), and Send. What was typed is never
 * lost: a refused answer keeps the text here (the server keeps it too, as the item's draft, and
 * it comes back when the item is opened again).
 */
import { Alert, Button, CopyButton, Group, Select, Stack, Text, Textarea } from '@mantine/core'
import { IconCopy, IconSend, IconTemplate } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InboxDetail, SavedReply } from '../../app/inbox-types'
import { useCan } from '../../app/session'
import { autoDirection } from '../../components/bidi'
import { FormAlert } from '../../components/FormAlert'
import { isLanguage, languageNames } from '../../i18n/languages'
import { useAccounts } from '../accounts'
import { LengthCounter } from '../compose'
import { atHandle, characterCount } from './inbox-format'
import { draftAnswerText, orderSavedReplies } from './inbox-logic'
import { useSavedReplies, useSendReply } from './inbox-queries'
import { SavedRepliesDrawer } from './SavedRepliesDrawer'

/** The picker's groups: one per language, in the order the replies come. */
function pickerGroups(replies: readonly SavedReply[]) {
  const groups: Array<{ group: string; items: Array<{ value: string; label: string }> }> = []
  for (const reply of replies) {
    const name = isLanguage(reply.language) ? languageNames[reply.language] : reply.language
    const last = groups.at(-1)
    const option = { value: reply.id, label: reply.title }
    if (last && last.group === name) last.items.push(option)
    else groups.push({ group: name, items: [option] })
  }
  return groups
}

/** A saved reply goes into an empty box as it is, or after what is already typed. */
function withSavedReply(current: string, saved: string): string {
  return current.trim() ? `${current.trimEnd()}\n\n${saved}` : saved
}

export function ReplyBox({ detail }: { detail: InboxDetail }) {
  const { t, i18n } = useTranslation()
  const { item } = detail
  const canManage = useCan('inbox.use')
  const [text, setText] = useState(() => draftAnswerText(detail))
  const [sent, setSent] = useState(false)
  const [managing, setManaging] = useState(false)
  const send = useSendReply(item.id)
  const accounts = useAccounts()
  const saved = useSavedReplies()
  const ordered = useMemo(() => orderSavedReplies(saved.data ?? [], [item.lang, i18n.language]), [saved.data, item.lang, i18n.language])
  const account = accounts.data?.find((candidate) => candidate.id === item.accountId)
  if (item.deleted) {
    // Nothing typed is lost: what was written (or kept as the draft) stays, to copy elsewhere.
    return (
      <Stack gap="xs" data-testid="inbox-reply-deleted">
        <Text size="sm" c="dimmed">
          {t('inbox.reply.deleted')}
        </Text>
        {text.trim() && (
          <>
            <Textarea ref={autoDirection} aria-label={t('inbox.reply.keptLabel')} label={t('inbox.reply.keptLabel')} value={text} readOnly autosize minRows={2} maxRows={8} data-testid="inbox-reply-kept" />
            <CopyButton value={text}>
              {({ copied, copy }) => (
                <Button variant="light" size="compact-sm" color={copied ? 'teal' : undefined} leftSection={<IconCopy size={14} aria-hidden />} onClick={copy} w="fit-content">
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </>
        )}
      </Stack>
    )
  }
  const submit = () => {
    setSent(false)
    send.mutate(text, {
      onSuccess: () => {
        setText('')
        setSent(true)
      },
    })
  }
  return (
    <Stack gap="xs" data-testid="inbox-reply">
      <Group justify="space-between" align="flex-end" gap="xs">
        <Text fw={600} size="sm">
          {t('inbox.reply.title', { handle: atHandle(item.accountHandle) })}
        </Text>
        <Group gap="xs">
          {ordered.length > 0 && (
            <Select
              aria-label={t('inbox.reply.savedPick')}
              placeholder={t('inbox.reply.savedPick')}
              data={pickerGroups(ordered)}
              value={null}
              onChange={(id) => {
                const reply = ordered.find((candidate) => candidate.id === id)
                if (reply) setText((current) => withSavedReply(current, reply.text))
              }}
              searchable
              size="xs"
              w={200}
              leftSection={<IconTemplate size={14} aria-hidden />}
              comboboxProps={{ withinPortal: true }}
              nothingFoundMessage={t('common.nothingFound')}
              data-testid="inbox-saved-pick"
            />
          )}
          {canManage && (
            <Button variant="subtle" size="compact-xs" onClick={() => setManaging(true)} data-testid="inbox-saved-manage">
              {t('inbox.saved.manage')}
            </Button>
          )}
        </Group>
      </Group>
      <Textarea
        ref={autoDirection}
        aria-label={t('inbox.reply.label')}
        placeholder={t('inbox.reply.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value)
          setSent(false)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && text.trim() && !send.isPending) submit()
        }}
        autosize
        minRows={3}
        maxRows={12}
        data-testid="inbox-reply-text"
      />
      {send.error !== null && (
        <div data-testid="inbox-reply-error">
          <FormAlert error={send.error} />
        </div>
      )}
      {sent && (
        <Alert color="teal" variant="light" data-testid="inbox-reply-sent">
          {t('inbox.reply.sent')}
        </Alert>
      )}
      <Group justify="space-between" gap="xs">
        {account ? (
          <LengthCounter text={text} rules={account.capabilities.text} />
        ) : (
          <Text size="xs" c="dimmed" data-testid="inbox-reply-length">
            {t('inbox.reply.length', { count: characterCount(text) })}
          </Text>
        )}
        <Button size="sm" leftSection={<IconSend size={16} className="sc-mirror" aria-hidden />} disabled={!text.trim()} loading={send.isPending} onClick={submit} data-testid="inbox-reply-send">
          {t('inbox.reply.send')}
        </Button>
      </Group>
      {canManage && <SavedRepliesDrawer opened={managing} onClose={() => setManaging(false)} replies={ordered} />}
    </Stack>
  )
}
