/**
 * Your name everywhere (/coach/handles): type the business's name, see on each network the full
 * handle it would be, whether it is free, and why not when it is not; then tick each network
 * once the name is yours there. Reserving everywhere protects the brand, and a small network
 * today may be where the audience gathers tomorrow.
 */
import { Anchor, Button, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { HandleCheckResponse, HandleChecklist } from '../../app/coach-types'
import { paths } from '../../app/paths'
import { useSession } from '../../app/session'
import { FormAlert } from '../../components/FormAlert'
import { LoadError } from '../../components/LoadError'
import { PageLoader } from '../../components/PageLoader'
import { handleRows, labelFromId, withReserved, type HandleRow } from './coach-logic'
import { useHandleCheck, useHandleChecklist, useRecheckHandles, useSaveHandleChecklist } from './coach-queries'
import { HandleStatusBadge, HandleStatusIcon, type HandleStatus } from './HandleStatusBadge'

const statusOrder: readonly HandleStatus[] = ['available', 'taken', 'invalid', 'unknown']

/** How the check went, one figure per status (each a sentence of its own, so no list grammar is needed). */
function CheckSummary({ results }: { results: HandleCheckResponse['results'] }) {
  const { t } = useTranslation()
  const counts = statusOrder
    .map((status) => ({ status, count: results.filter((result) => result.status === status).length }))
    .filter((part) => part.count > 0)
  if (counts.length === 0) return null
  return (
    <Group gap="xs" data-testid="handles-summary">
      {counts.map(({ status, count }) => (
        <Group key={status} gap={6} wrap="nowrap">
          <HandleStatusIcon status={status} />
          <Text size="sm" fw={500}>
            {t(`coach.handles.summary.${status}`, { count })}
          </Text>
        </Group>
      ))}
    </Group>
  )
}

interface HandleTableProps {
  rows: readonly HandleRow[]
  onReserve: (row: HandleRow, reserved: boolean) => void
  saving: boolean
}

function HandleTable({ rows, onReserve, saving }: HandleTableProps) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" data-testid="handles-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('coach.handles.columns.network')}</Table.Th>
            <Table.Th>{t('coach.handles.columns.handle')}</Table.Th>
            <Table.Th>{t('coach.handles.columns.status')}</Table.Th>
            <Table.Th>{t('coach.handles.columns.reserved')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            // A network only on the checklist was not part of this check, so the API gave no display name.
            const network = row.displayName ?? labelFromId(row.network)
            return (
              <Table.Tr key={row.network} data-testid={`handle-row-${row.network}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {network}
                  </Text>
                  {row.result?.server && (
                    <Text size="xs" c="dimmed" dir="ltr">
                      {row.result.server}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
                    {row.handle}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    {row.result ? (
                      <HandleStatusBadge status={row.result.status} />
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('coach.handles.notChecked')}
                      </Text>
                    )}
                    {row.result?.reason && (
                      <Text size="xs" c="dimmed" maw={320}>
                        {row.result.reason}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Checkbox
                      checked={row.reserved}
                      disabled={saving}
                      onChange={(event) => onReserve(row, event.currentTarget.checked)}
                      label={t('coach.handles.reserved')}
                      aria-label={t('coach.handles.reservedOn', { handle: row.handle, network })}
                      data-testid={`handle-reserved-${row.network}`}
                    />
                    {row.reservedOther && (
                      <Text size="xs" c="dimmed">
                        {t('coach.handles.reservedOther', { handle: row.reservedOther })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function Results({ name, checklist }: { name: string; checklist: HandleChecklist }) {
  const { t } = useTranslation()
  const check = useHandleCheck(name)
  const save = useSaveHandleChecklist()
  const results = check.data?.results ?? []
  const rows = handleRows(results, checklist.items)
  const reservedCount = checklist.items.filter((item) => item.reserved).length

  return (
    <Stack gap="md">
      {check.isFetching && !check.data && <PageLoader />}
      {check.isError && <LoadError error={check.error} onRetry={() => void check.refetch()} />}
      {check.data && <CheckSummary results={results} />}
      {rows.length === 0 ? (
        !check.isFetching && (
          <Text size="sm" c="dimmed" data-testid="handles-empty">
            {t('coach.handles.empty')}
          </Text>
        )
      ) : (
        <Card padding="xs">
          <Stack gap="xs">
            <HandleTable rows={rows} onReserve={(row, reserved) => save.mutate(withReserved(checklist.items, row, reserved))} saving={save.isPending} />
            <Text size="xs" c="dimmed" px="sm" pb="xs" data-testid="handles-reserved-count">
              {t('coach.handles.reservedCount', { count: reservedCount })}
            </Text>
          </Stack>
        </Card>
      )}
      <FormAlert error={save.error} />
    </Stack>
  )
}

export function HandlesPage() {
  const { t } = useTranslation()
  const { workspace } = useSession()
  const [params, setParams] = useSearchParams()
  const checked = params.get('name') ?? ''
  const [draft, setDraft] = useState(checked || workspace.name)
  const checklist = useHandleChecklist()
  const recheck = useRecheckHandles()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const name = draft.trim()
    if (name === checked) return void recheck()
    // The name lives in the address, so a reload or a shared link shows the same check.
    setParams(name ? { name } : {}, { replace: true })
  }

  return (
    <Stack gap="lg" maw={960} data-testid="handles-page">
      <Stack gap={4}>
        <Anchor component={Link} to={paths.coach} size="sm">
          {t('coach.title')}
        </Anchor>
        <Title order={1} fz={26}>
          {t('coach.handles.title')}
        </Title>
        <Text c="dimmed">{t('coach.handles.intro')}</Text>
        <Text size="sm" data-testid="handles-why">
          {t('coach.handles.why')}
        </Text>
      </Stack>
      <Card>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('coach.handles.name')}
              description={t('coach.handles.nameHint')}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              autoComplete="off"
              style={{ flex: 1, minWidth: 220 }}
              data-testid="handles-name"
            />
            <Button type="submit" leftSection={<IconSearch size={16} />} disabled={!draft.trim()} data-testid="handles-check">
              {t('coach.handles.check')}
            </Button>
          </Group>
        </form>
      </Card>
      {checklist.isPending ? (
        <PageLoader />
      ) : checklist.isError ? (
        <LoadError error={checklist.error} onRetry={() => void checklist.refetch()} />
      ) : (
        <Results name={checked} checklist={checklist.data} />
      )}
    </Stack>
  )
}
