/**
 * Where alerts go besides the app: e-mail addresses (only when the server can send e-mail) and
 * webhooks in Slack's, Discord's or a plain JSON format. Each shows its last delivery error.
 */
import { Alert, Button, Card, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconMail, IconPlus, IconWebhook } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../../app/Notices'
import { ConfirmButton } from '../../components/ConfirmButton'
import { FormAlert } from '../../components/FormAlert'
import { fieldErrors } from '../../components/form-errors'
import { useAddChannel, useRemoveChannel } from './listen-queries'
import { webhookFormats, type AlertChannel, type WebhookFormat } from './listen-types'

type ChannelKind = 'email' | 'webhook'
const emailFields = ['addresses'] as const
const webhookFields = ['url', 'format'] as const

/** Addresses as typed: separated by commas, semicolons, spaces or lines. */
function splitAddresses(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter(Boolean)
}

function AddChannelForm({ emailAvailable }: { emailAvailable: boolean }) {
  const { t } = useTranslation()
  const notify = useNotice()
  const add = useAddChannel()
  const [kind, setKind] = useState<ChannelKind>(emailAvailable ? 'email' : 'webhook')
  const [addresses, setAddresses] = useState('')
  const [format, setFormat] = useState<WebhookFormat>('slack')
  const [url, setUrl] = useState('')
  const [missing, setMissing] = useState(false)
  const fields = kind === 'email' ? emailFields : webhookFields
  const server = fieldErrors(add.error, [...emailFields, ...webhookFields])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const list = splitAddresses(addresses)
    if (kind === 'email' ? list.length === 0 : !url.trim()) return setMissing(true)
    add.mutate(kind === 'email' ? { kind, addresses: list } : { kind, format, url: url.trim() }, {
      onSuccess: ({ channel }) => {
        notify(t('listen.channels.added', { label: channel.label }))
        setAddresses('')
        setUrl('')
      },
    })
  }

  const emailDisabled = kind === 'email' && !emailAvailable
  return (
    <form onSubmit={submit} noValidate data-testid="channel-add">
      <Stack gap="sm">
        <SegmentedControl
          data={[
            { value: 'email', label: t('listen.channels.email') },
            { value: 'webhook', label: t('listen.channels.webhook') },
          ]}
          value={kind}
          onChange={(value) => {
            setKind(value as ChannelKind)
            setMissing(false)
            add.reset()
          }}
          aria-label={t('listen.channels.kind')}
          style={{ alignSelf: 'flex-start' }}
          data-testid="channel-kind"
        />
        {kind === 'email' && !emailAvailable && (
          <Alert color="gray" variant="light" icon={<IconMail size={18} />} data-testid="channel-email-unavailable">
            {t('listen.channels.emailUnavailable')}
          </Alert>
        )}
        {kind === 'email' && (
          <TextInput
            label={t('listen.channels.addresses')}
            description={t('listen.channels.addressesHint')}
            dir="ltr"
            inputMode="email"
            disabled={!emailAvailable}
            value={addresses}
            onChange={(event) => {
              setAddresses(event.currentTarget.value)
              setMissing(false)
            }}
            error={missing ? t('validation.required') : server.addresses}
            data-testid="channel-addresses"
          />
        )}
        {kind === 'webhook' && (
          <Group grow align="flex-start" preventGrowOverflow={false}>
            <Select
              label={t('listen.channels.format')}
              allowDeselect={false}
              data={webhookFormats.map((value) => ({ value, label: t(`listen.channels.formats.${value}`) }))}
              value={format}
              onChange={(value) => value && setFormat(value as WebhookFormat)}
              error={server.format}
              style={{ flexGrow: 0, minWidth: 180 }}
              data-testid="channel-format"
            />
            <TextInput
              label={t('listen.channels.url')}
              description={t(`listen.channels.urlHints.${format}`)}
              dir="ltr"
              inputMode="url"
              value={url}
              onChange={(event) => {
                setUrl(event.currentTarget.value)
                setMissing(false)
              }}
              error={missing ? t('validation.required') : server.url}
              data-testid="channel-url"
            />
          </Group>
        )}
        <FormAlert error={add.error} fields={fields} />
        <Group>
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={add.isPending} disabled={emailDisabled} data-testid="channel-submit">
            {t('listen.channels.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function ChannelRow({ channel, canConfigure }: { channel: AlertChannel; canConfigure: boolean }) {
  const { t } = useTranslation()
  const notify = useNotice()
  const remove = useRemoveChannel()
  const Icon = channel.kind === 'email' ? IconMail : IconWebhook
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" py="xs" style={{ borderBlockEnd: '1px solid var(--mantine-color-gray-2)' }} data-testid={`channel-${channel.id}`}>
      <Group gap="sm" wrap="nowrap" align="flex-start" miw={0}>
        <Icon size={18} aria-hidden style={{ flexShrink: 0, marginBlockStart: 2 }} />
        <Stack gap={2} miw={0}>
          <Text size="sm" fw={500} dir="ltr" ta="start" truncate="end">
            {channel.label}
          </Text>
          <Text size="xs" c="dimmed">
            {channel.kind === 'email' ? t('listen.channels.email') : t(`listen.channels.formats.${channel.format as WebhookFormat}`, { defaultValue: channel.format })}
          </Text>
          {channel.lastError && (
            <Text size="xs" c="red.8" data-testid="channel-error">
              {t('listen.channels.lastError', { error: channel.lastError })}
            </Text>
          )}
        </Stack>
      </Group>
      {canConfigure && (
        <ConfirmButton
          label={t('listen.channels.remove')}
          title={t('listen.channels.removeTitle', { label: channel.label })}
          message={t('listen.channels.removeMessage')}
          confirmLabel={t('listen.channels.remove')}
          onConfirm={() => remove.mutateAsync(channel.id).then(() => notify(t('listen.channels.removed', { label: channel.label })))}
          data-testid={`channel-remove-${channel.id}`}
        />
      )}
    </Group>
  )
}

export function AlertChannels({ channels, emailAvailable, canConfigure }: { channels: readonly AlertChannel[]; emailAvailable: boolean; canConfigure: boolean }) {
  const { t } = useTranslation()
  return (
    <Card data-testid="alert-channels">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {t('listen.channels.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('listen.channels.intro')}
          </Text>
        </Stack>
        {channels.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="channels-none">
            {t('listen.channels.none')}
          </Text>
        ) : (
          <Stack gap={0} data-testid="channels-list">
            {channels.map((channel) => (
              <ChannelRow key={channel.id} channel={channel} canConfigure={canConfigure} />
            ))}
          </Stack>
        )}
        {canConfigure && <AddChannelForm emailAvailable={emailAvailable} />}
      </Stack>
    </Card>
  )
}
