/**
 * Adding a blog's RSS or Atom feed, with the accounts its ideas are drafted for. Publishing
 * without review is off unless the owner turns it on, past a clear warning.
 */
import { Button, Checkbox, Group, MultiSelect, Stack, TextInput } from '@mantine/core'
import { IconRss } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../../app/Notices'
import type { Account } from '../../app/publish-types'
import { FormAlert } from '../../components/FormAlert'
import { fieldError } from '../../components/form-errors'
import { AutoPublishWarning } from './AutoPublishWarning'
import { useAddFeed } from './publishing-queries'

/** The one field the server may name in its answer. */
const urlField = 'url'
const shownFields = [urlField]

export function AddFeedForm({ accounts, isOwner }: { accounts: readonly Account[]; isOwner: boolean }) {
  const { t } = useTranslation()
  const notify = useNotice()
  const add = useAddFeed()
  const [url, setUrl] = useState('')
  const [accountIds, setAccountIds] = useState<string[]>([])
  const [autoPublish, setAutoPublish] = useState(false)
  const [missing, setMissing] = useState(false)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!url.trim()) return setMissing(true)
    add.mutate(
      { url: url.trim(), accountIds, autoPublish },
      {
        onSuccess: ({ feed }) => {
          notify(t('feeds.added', { title: feed.title || feed.url }))
          setUrl('')
          setAccountIds([])
          setAutoPublish(false)
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate data-testid="feed-add">
      <Stack gap="sm">
        <TextInput
          label={t('feeds.url')}
          description={t('feeds.urlHint')}
          dir="ltr"
          inputMode="url"
          value={url}
          onChange={(event) => {
            setUrl(event.currentTarget.value)
            setMissing(false)
          }}
          error={missing ? t('validation.required') : fieldError(add.error, urlField)}
          data-testid="feed-url"
        />
        <MultiSelect
          label={t('feeds.accounts')}
          description={t('feeds.accountsHint')}
          data={accounts.map((account) => ({ value: account.id, label: `${account.handle} · ${account.networkName}` }))}
          value={accountIds}
          onChange={setAccountIds}
          nothingFoundMessage={t('common.nothingFound')}
          data-testid="feed-accounts"
        />
        {isOwner && (
          <Checkbox
            label={t('feeds.autoPublish')}
            description={t('feeds.autoPublishHint')}
            checked={autoPublish}
            onChange={(event) => setAutoPublish(event.currentTarget.checked)}
            data-testid="feed-auto-publish"
          />
        )}
        {autoPublish && <AutoPublishWarning />}
        <FormAlert error={add.error} fields={shownFields} />
        <Group>
          <Button type="submit" leftSection={<IconRss size={16} />} loading={add.isPending} data-testid="feed-submit">
            {t('feeds.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
