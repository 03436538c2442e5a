/**
 * The queries tab (/listen/queries): each query with what it is about, whether it alerts on every
 * match and whether it is on; a new query or an edit opens the form (with its tester) in place.
 */
import { Badge, Button, Card, Code, Group, Stack, Switch, Text, Title } from '@mantine/core'
import { IconBellRinging, IconPencil, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useNotice } from '../../app/Notices'
import { ConfirmButton } from '../../components/ConfirmButton'
import { FormAlert } from '../../components/FormAlert'
import { QueryState } from '../../components/QueryState'
import { QueryKindBadge } from './ListenBadges'
import { useChangeQuery, useDeleteQuery, useListenPermissions, useListenQueries } from './listen-queries'
import type { ListenQuery } from './listen-types'
import { QueryForm } from './QueryForm'

function QueryRow({ query, canWrite, onEdit }: { query: ListenQuery; canWrite: boolean; onEdit: () => void }) {
  const { t } = useTranslation()
  const notify = useNotice()
  const change = useChangeQuery()
  const remove = useDeleteQuery()
  return (
    <Card padding="md" data-testid={`query-${query.id}`} data-active={query.active}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" miw={0}>
            <Text fw={600} dir="auto" data-testid="query-row-name">
              {query.name}
            </Text>
            <QueryKindBadge kind={query.kind} />
            {query.priority === 'high' && (
              <Badge color="red" variant="light" radius="sm" leftSection={<IconBellRinging size={12} aria-hidden />}>
                {t('listen.queries.highPriorityBadge')}
              </Badge>
            )}
          </Group>
          <Switch
            label={query.active ? t('listen.queries.on') : t('listen.queries.off')}
            checked={query.active}
            disabled={!canWrite || change.isPending}
            onChange={(event) => change.mutate({ id: query.id, active: event.currentTarget.checked })}
            aria-label={t('listen.queries.activeLabel', { name: query.name })}
            data-testid="query-active"
          />
        </Group>
        <Code block dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="query-row-text">
          {query.query}
        </Code>
        <FormAlert error={change.error} />
        {canWrite && (
          <Group justify="flex-end" gap="xs">
            <ConfirmButton
              label={t('listen.queries.remove')}
              title={t('listen.queries.removeTitle', { name: query.name })}
              message={t('listen.queries.removeMessage')}
              confirmLabel={t('listen.queries.remove')}
              onConfirm={() => remove.mutateAsync(query.id).then(() => notify(t('listen.queries.removed', { name: query.name })))}
              data-testid={`query-remove-${query.id}`}
            />
            <Button size="xs" variant="default" leftSection={<IconPencil size={14} className="sc-mirror" />} onClick={onEdit} data-testid={`query-edit-${query.id}`}>
              {t('listen.queries.edit')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  )
}

export function QueriesTab() {
  const { t } = useTranslation()
  const { canWrite } = useListenPermissions()
  const queries = useListenQueries()
  const [params, setParams] = useSearchParams()
  const [editing, setEditing] = useState<string | null>(null)
  const creating = canWrite && params.get('new') === '1'
  const setCreating = (open: boolean) => setParams(open ? { new: '1' } : {}, { replace: true })

  return (
    <Stack gap="md" data-testid="queries-tab">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {t('listen.queries.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('listen.queries.intro')}
          </Text>
        </Stack>
        {canWrite && !creating && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="query-new">
            {t('listen.queries.new')}
          </Button>
        )}
      </Group>
      {creating && (
        <Card>
          <Stack gap="md">
            <Title order={3} fz="md">
              {t('listen.queries.newTitle')}
            </Title>
            <QueryForm onDone={() => setCreating(false)} />
          </Stack>
        </Card>
      )}
      <QueryState query={queries}>
        {(list) =>
          list.length === 0 ? (
            !creating && (
              <Text size="sm" c="dimmed" data-testid="queries-none">
                {canWrite ? t('listen.queries.none') : t('listen.queries.noneReadOnly')}
              </Text>
            )
          ) : (
            <Stack gap="sm" data-testid="queries-list">
              {list.map((query) =>
                editing === query.id ? (
                  <Card key={query.id}>
                    <QueryForm query={query} onDone={() => setEditing(null)} />
                  </Card>
                ) : (
                  <QueryRow key={query.id} query={query} canWrite={canWrite} onEdit={() => setEditing(query.id)} />
                ),
              )}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  )
}
