/**
 * Writing a listening query: its name, the query itself (in its own direction: a query may be
 * Arabic or Hebrew), what it is about (the business, a competitor, a topic) and whether every
 * match is an alert. "Test" runs it over recent items before it is saved, so nobody is surprised
 * by the volume; a malformed query comes back with the problem and where it is, under the field.
 */
import { Button, Group, SegmentedControl, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core'
import { IconFlask } from '@tabler/icons-react'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../../app/Notices'
import { autoDirection } from '../../components/bidi'
import { FormAlert } from '../../components/FormAlert'
import { fieldError } from '../../components/form-errors'
import { required, useForm } from '../../components/use-form'
import { useSaveQuery, useTestQuery } from './listen-queries'
import { queryKinds, type ListenQuery, type QueryKind } from './listen-types'
import { QuerySyntaxHelp } from './QuerySyntaxHelp'
import { QueryTestResult } from './QueryTestResult'

const shownFields = ['name', 'query', 'kind', 'priority'] as const
const testFields = ['query'] as const
const monospace = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } }

export interface QueryFormProps {
  /** The query being edited; a new one when absent. */
  query?: ListenQuery
  onDone: () => void
}

export function QueryForm({ query, onDone }: QueryFormProps) {
  const { t } = useTranslation()
  const notify = useNotice()
  const save = useSaveQuery()
  const test = useTestQuery()
  const form = useForm({ name: query?.name ?? '', query: query?.query ?? '' }, { name: [required], query: [required] })
  const [kind, setKind] = useState<QueryKind>(query?.kind ?? 'brand')
  const [highPriority, setHighPriority] = useState(query?.priority === 'high')
  const queryProps = form.field('query', save.error)
  const kindLabelId = useId()
  // The tester parses the query too: its complaint belongs under the field as well.
  const queryError = queryProps.error ?? fieldError(test.error, 'query')

  const changeQuery = (value: string) => {
    form.setValue('query', value)
    // What was said about the previous text no longer holds.
    save.reset()
    test.reset()
  }

  const runTest = () => {
    if (!form.values.query.trim()) return void form.validate()
    test.mutate(form.values.query.trim())
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!form.validate()) return
    const input = { name: form.values.name.trim(), query: form.values.query.trim(), kind, priority: highPriority ? ('high' as const) : ('normal' as const) }
    save.mutate(
      { ...(query ? { id: query.id } : {}), input },
      {
        onSuccess: ({ query: saved }) => {
          notify(t(query ? 'listen.queries.updated' : 'listen.queries.created', { name: saved.name }))
          onDone()
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate data-testid="query-form">
      <Stack gap="md">
        <TextInput ref={autoDirection} label={t('listen.queries.name')} description={t('listen.queries.nameHint')} maxLength={80} {...form.field('name', save.error)} data-testid="query-name" />
        <Stack gap={6}>
          <Textarea
            ref={autoDirection}
            label={t('listen.queries.query')}
            description={t('listen.queries.queryHint')}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            styles={monospace}
            spellCheck={false}
            value={queryProps.value}
            onChange={(event) => changeQuery(event.currentTarget.value)}
            error={queryError}
            data-testid="query-text"
          />
          <QuerySyntaxHelp />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={kindLabelId}>
            {t('listen.queries.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby={kindLabelId}
            data={queryKinds.map((value) => ({ value, label: t(`listen.kinds.${value}`) }))}
            value={kind}
            onChange={(value) => setKind(value as QueryKind)}
            style={{ alignSelf: 'flex-start' }}
            data-testid="query-kind"
          />
          <Text size="xs" c="dimmed">
            {t(`listen.kindHints.${kind}`)}
          </Text>
        </Stack>
        <Switch
          label={t('listen.queries.highPriority')}
          description={t('listen.queries.highPriorityHint')}
          checked={highPriority}
          onChange={(event) => setHighPriority(event.currentTarget.checked)}
          data-testid="query-priority"
        />
        <Stack gap="xs">
          <Group gap="sm">
            <Button type="button" variant="light" leftSection={<IconFlask size={16} />} loading={test.isPending} onClick={runTest} data-testid="query-test">
              {t('listen.test.run')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('listen.test.hint')}
            </Text>
          </Group>
          <FormAlert error={test.error} fields={testFields} />
          {test.data && <QueryTestResult result={test.data} />}
        </Stack>
        <FormAlert error={save.error} fields={shownFields} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} data-testid="query-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="query-save">
            {query ? t('common.save') : t('listen.queries.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
