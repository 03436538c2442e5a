/**
 * Answer a mention from the app: for a Bluesky or Mastodon mention, when the workspace has an
 * account on that network, a small form under the card picks the account and sends the reply
 * (a post threaded under the mention). Errors from the server (another instance, too long) stay
 * in the form, with the typed text.
 */
import { Button, Group, Select, Stack, Textarea } from '@mantine/core'
import { IconArrowBackUp } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useNotice } from '../../app/Notices'
import { postPath } from '../../app/paths'
import { api } from '../../app/query-client'
import { useCan } from '../../app/session'
import { FormAlert } from '../../components/FormAlert'
import { useAccounts } from '../accounts'
import type { Mention } from './listen-types'

export function MentionReply({ mention }: { mention: Mention }) {
  const { t } = useTranslation()
  const notify = useNotice()
  const canWrite = useCan('posts.write')
  const network = mention.reply?.network
  const accounts = useAccounts(canWrite && network !== undefined)
  const eligible = (accounts.data ?? []).filter((a) => a.network === network)
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [accountId, setAccountId] = useState<string | null>(null)
  const [sentPostId, setSentPostId] = useState<string | null>(null)
  const send = useMutation({
    mutationFn: (body: { accountId: string; text: string }) => api.post<{ postId: string }>(`/api/listen/mentions/${encodeURIComponent(mention.id)}/reply`, body),
    onSuccess: (result) => {
      setSentPostId(result.postId)
      setOpen(false)
      setText('')
      notify(t('listen.reply.sent'))
    },
  })
  if (!network || !canWrite || eligible.length === 0) return null
  const chosen = accountId ?? eligible[0]!.id
  if (!open) {
    return (
      <Group gap="xs">
        <Button variant="subtle" size="compact-sm" leftSection={<IconArrowBackUp size={14} className="sc-mirror" aria-hidden />} onClick={() => setOpen(true)} data-testid="mention-reply">
          {t('listen.reply.open')}
        </Button>
        {sentPostId && (
          <Button component={Link} to={postPath(sentPostId)} variant="subtle" size="compact-sm" data-testid="mention-reply-post">
            {t('listen.reply.seePost')}
          </Button>
        )}
      </Group>
    )
  }
  return (
    <Stack gap="xs" data-testid="mention-reply-form">
      <Textarea
        label={t('listen.reply.text')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autosize
        minRows={2}
        dir="auto"
        data-testid="mention-reply-text"
      />
      {eligible.length > 1 && (
        <Select
          label={t('listen.reply.account')}
          data={eligible.map((a) => ({ value: a.id, label: a.handle }))}
          value={chosen}
          onChange={setAccountId}
          allowDeselect={false}
        />
      )}
      <FormAlert error={send.error} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={() => setOpen(false)}>
          {t('listen.reply.cancel')}
        </Button>
        <Button size="xs" disabled={!text.trim()} loading={send.isPending} onClick={() => send.mutate({ accountId: chosen, text })} data-testid="mention-reply-send">
          {t('listen.reply.send')}
        </Button>
      </Group>
    </Stack>
  )
}
