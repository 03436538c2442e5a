/**
 * Adding a source to listen to: a feed (news, blogs, review sites), the Bluesky firehose (a relay
 * or a Jetstream service) or a Mastodon instance's hashtag. The server checks each address at
 * once, so a wrong one is refused here with the reason, not discovered an hour later.
 */
import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useId, useState, type ChangeEvent, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../../app/Notices'
import { FormAlert } from '../../components/FormAlert'
import { fieldErrors } from '../../components/form-errors'
import { SourceKindIcon } from './ListenBadges'
import { useAddSource } from './listen-queries'
import { sourceKinds, type SourceInput, type SourceKind } from './listen-types'

type BlueskyMode = 'firehose' | 'jetstream'
const fieldsByKind: Record<SourceKind, readonly string[]> = { feed: ['url'], bluesky: ['service', 'mode'], mastodon: ['instanceUrl', 'hashtag'] }
const allFields = ['url', 'service', 'mode', 'instanceUrl', 'hashtag'] as const
/** Where Bluesky's own network can be read, as suggestions. */
const blueskyExamples: Record<BlueskyMode, string> = { firehose: 'wss://bsky.network', jetstream: 'wss://jetstream2.us-east.bsky.network' }
/** Example addresses: the same in every language. */
const examples = { feed: 'https://example.com/feed.xml', instance: 'https://mastodon.social', hashtag: '#coffee' }

export function AddSourceForm() {
  const { t } = useTranslation()
  const notify = useNotice()
  const add = useAddSource()
  const [kind, setKind] = useState<SourceKind>('feed')
  const [mode, setMode] = useState<BlueskyMode>('firehose')
  const [values, setValues] = useState({ url: '', service: '', instanceUrl: '', hashtag: '' })
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set())
  const server = fieldErrors(add.error, allFields)
  const modeLabelId = useId()

  const set = (name: keyof typeof values, value: string) => {
    setValues((current) => ({ ...current, [name]: value }))
    setMissing((current) => new Set([...current].filter((field) => field !== name)))
  }
  const field = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(name, event.currentTarget.value),
    error: missing.has(name) ? t('validation.required') : server[name],
  })

  const input = (): SourceInput | null => {
    const needed = fieldsByKind[kind].filter((name): name is keyof typeof values => name in values && !values[name as keyof typeof values].trim())
    setMissing(new Set(needed))
    if (needed.length > 0) return null
    if (kind === 'feed') return { kind, url: values.url.trim() }
    if (kind === 'bluesky') return { kind, mode, service: values.service.trim() }
    return { kind, instanceUrl: values.instanceUrl.trim(), hashtag: values.hashtag.trim() }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const request = input()
    if (!request) return
    add.mutate(request, {
      onSuccess: ({ source }) => {
        notify(t('listen.sources.added', { label: source.label }))
        setValues({ url: '', service: '', instanceUrl: '', hashtag: '' })
      },
    })
  }

  return (
    <form onSubmit={submit} noValidate data-testid="source-add">
      <Stack gap="sm">
        <SegmentedControl
          data={sourceKinds.map((value) => ({
            value,
            label: (
              <Group gap={6} wrap="nowrap" justify="center">
                <SourceKindIcon kind={value} size={14} />
                <span>{t(`listen.sourceKinds.${value}`)}</span>
              </Group>
            ),
          }))}
          value={kind}
          onChange={(value) => {
            setKind(value as SourceKind)
            add.reset()
            setMissing(new Set())
          }}
          aria-label={t('listen.sources.kind')}
          style={{ alignSelf: 'flex-start' }}
          data-testid="source-kind"
        />
        <Text size="sm" c="dimmed">
          {t(`listen.sources.kindHints.${kind}`)}
        </Text>
        {kind === 'feed' && (
          <TextInput label={t('listen.sources.feedUrl')} description={t('listen.sources.feedUrlHint')} placeholder={examples.feed} dir="ltr" inputMode="url" {...field('url')} data-testid="source-url" />
        )}
        {kind === 'bluesky' && (
          <>
            <Stack gap={4}>
              <Text size="sm" fw={500} id={modeLabelId}>
                {t('listen.sources.blueskyMode')}
              </Text>
              <SegmentedControl
                aria-labelledby={modeLabelId}
                data={[
                  { value: 'firehose', label: t('listen.sources.firehose') },
                  { value: 'jetstream', label: t('listen.sources.jetstream') },
                ]}
                value={mode}
                onChange={(value) => setMode(value as BlueskyMode)}
                style={{ alignSelf: 'flex-start' }}
                data-testid="source-bluesky-mode"
              />
              <Text size="xs" c="dimmed">
                {t(`listen.sources.modeHints.${mode}`)}
              </Text>
            </Stack>
            <TextInput
              label={t('listen.sources.service')}
              description={t('listen.sources.serviceHint')}
              placeholder={blueskyExamples[mode]}
              dir="ltr"
              inputMode="url"
              {...field('service')}
              data-testid="source-service"
            />
          </>
        )}
        {kind === 'mastodon' && (
          <Group grow align="flex-start" preventGrowOverflow={false}>
            <TextInput label={t('listen.sources.instance')} description={t('listen.sources.instanceHint')} placeholder={examples.instance} dir="ltr" inputMode="url" {...field('instanceUrl')} data-testid="source-instance" />
            <TextInput label={t('listen.sources.hashtag')} description={t('listen.sources.hashtagHint')} placeholder={examples.hashtag} dir="auto" {...field('hashtag')} data-testid="source-hashtag" />
          </Group>
        )}
        <FormAlert error={add.error} fields={fieldsByKind[kind]} />
        <Group>
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={add.isPending} data-testid="source-submit">
            {t('listen.sources.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
