/** The list's filters: which items (open, snoozed, done, all), quick narrowing chips, network and mood. */
import { Chip, Group, SegmentedControl, Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { inboxSentiments, inboxStatuses, type InboxSentiment, type InboxStatusFilter } from '../../app/inbox-types'
import type { InboxFilters } from './inbox-filters'

export interface InboxFilterBarProps {
  filters: InboxFilters
  /** The networks of the workspace's accounts, with their names. */
  networks: ReadonlyArray<{ id: string; name: string }>
  onChange: (changes: Partial<InboxFilters>) => void
}

interface FilterChipProps {
  name: 'unanswered' | 'questions' | 'mine'
  filters: InboxFilters
  onChange: (changes: Partial<InboxFilters>) => void
  'data-testid': string
}

/** A filter that is on or off; the test id sits on the chip itself, which is what a person clicks. */
function FilterChip({ name, filters, onChange, 'data-testid': testId }: FilterChipProps) {
  const { t } = useTranslation()
  return (
    <Chip size="sm" checked={filters[name]} onChange={(checked) => onChange({ [name]: checked })} wrapperProps={{ 'data-testid': testId, 'data-checked': filters[name] }}>
      {t(`inbox.filters.${name}`)}
    </Chip>
  )
}

export function InboxFilterBar({ filters, networks, onChange }: InboxFilterBarProps) {
  const { t } = useTranslation()
  const common = { clearable: true, size: 'sm', w: 170, comboboxProps: { withinPortal: true } } as const
  return (
    <Group gap="sm" align="center" wrap="wrap" data-testid="inbox-filters">
      <SegmentedControl
        aria-label={t('inbox.filters.status')}
        data={inboxStatuses.map((status) => ({ value: status, label: t(`inbox.status.${status}`) }))}
        value={filters.status}
        onChange={(value) => onChange({ status: value as InboxStatusFilter })}
        data-testid="inbox-filter-status"
      />
      <Group gap="xs">
        <FilterChip name="unanswered" filters={filters} onChange={onChange} data-testid="inbox-filter-unanswered" />
        <FilterChip name="questions" filters={filters} onChange={onChange} data-testid="inbox-filter-questions" />
        <FilterChip name="mine" filters={filters} onChange={onChange} data-testid="inbox-filter-mine" />
      </Group>
      <Group gap="xs">
        {(networks.length > 1 || filters.network !== undefined) && (
          <Select
            {...common}
            aria-label={t('inbox.filters.network')}
            placeholder={t('inbox.filters.allNetworks')}
            data={networks.map((network) => ({ value: network.id, label: network.name }))}
            value={filters.network ?? null}
            onChange={(value) => onChange({ network: value ?? undefined })}
            data-testid="inbox-filter-network"
          />
        )}
        <Select
          {...common}
          aria-label={t('inbox.filters.sentiment')}
          placeholder={t('inbox.filters.allSentiments')}
          data={inboxSentiments.map((sentiment) => ({ value: sentiment, label: t(`inbox.sentiment.${sentiment}`) }))}
          value={filters.sentiment ?? null}
          onChange={(value) => onChange({ sentiment: (value as InboxSentiment | null) ?? undefined })}
          data-testid="inbox-filter-sentiment"
        />
      </Group>
    </Group>
  )
}
