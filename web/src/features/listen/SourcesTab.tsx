/**
 * The sources tab (/listen/sources): what the workspace listens to, how each is doing (items seen,
 * the last one, the error in plain words when reading fails), adding and removing.
 */
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../../app/Notices'
import { ConfirmButton } from '../../components/ConfirmButton'
import { QueryState } from '../../components/QueryState'
import { useFormatters, useNow } from '../../i18n/format'
import { AddSourceForm } from './AddSourceForm'
import { SourceKindLabel } from './ListenBadges'
import { useListenPermissions, useRemoveSource, useSources } from './listen-queries'
import type { ListenSource } from './listen-types'

function SourceRow({ source, canWrite }: { source: ListenSource; canWrite: boolean }) {
  const { t } = useTranslation()
  const { formatRelativeTime, formatDateTime } = useFormatters()
  const now = useNow()
  const notify = useNotice()
  const remove = useRemoveSource()
  return (
    <Card padding="md" data-testid={`source-${source.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} miw={0}>
            <Text fw={600} dir="auto" truncate="end" data-testid="source-label">
              {source.label}
            </Text>
            <SourceKindLabel kind={source.kind} />
          </Stack>
          <Badge color={source.status === 'active' ? 'teal' : 'red'} variant="light" radius="sm" data-testid="source-status" data-status={source.status}>
            {t(`listen.sources.status.${source.status}`)}
          </Badge>
        </Group>
        {source.error && (
          <Text size="sm" c="red.8" data-testid="source-error">
            {source.error}
          </Text>
        )}
        <Group justify="space-between" gap="sm">
          <Group gap="md">
            <Text size="xs" c="dimmed" data-testid="source-items">
              {t('listen.sources.itemsSeen', { count: source.itemsSeen })}
            </Text>
            <Text size="xs" c="dimmed" title={source.lastItemAt === null ? undefined : formatDateTime(source.lastItemAt)}>
              {source.lastItemAt === null ? t('listen.sources.noItemYet') : t('listen.sources.lastItem', { when: formatRelativeTime(source.lastItemAt, now) })}
            </Text>
          </Group>
          {canWrite && (
            <ConfirmButton
              label={t('listen.sources.remove')}
              title={t('listen.sources.removeTitle', { label: source.label })}
              message={t('listen.sources.removeMessage')}
              confirmLabel={t('listen.sources.remove')}
              onConfirm={() => remove.mutateAsync(source.id).then(() => notify(t('listen.sources.removed', { label: source.label })))}
              data-testid={`source-remove-${source.id}`}
            />
          )}
        </Group>
      </Stack>
    </Card>
  )
}

export function SourcesTab() {
  const { t } = useTranslation()
  const { canWrite } = useListenPermissions()
  const sources = useSources()
  return (
    <Stack gap="md" data-testid="sources-tab">
      <Stack gap={2}>
        <Title order={2} fz="lg">
          {t('listen.sources.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={640}>
          {t('listen.sources.intro')}
        </Text>
      </Stack>
      {canWrite && (
        <Card>
          <AddSourceForm />
        </Card>
      )}
      <QueryState query={sources}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="sources-none">
              {t('listen.sources.none')}
            </Text>
          ) : (
            <Stack gap="sm" data-testid="sources-list">
              {list.map((source) => (
                <SourceRow key={source.id} source={source} canWrite={canWrite} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  )
}
