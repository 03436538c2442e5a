/** The stream's filters: query, source, language, sentiment and period; "all" is an empty choice. */
import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core'
import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { filterLanguages, languageName } from './listen-format'
import { sentiments, sourceKinds, type ListenQuery, type MentionFilters as Filters, type Sentiment, type SourceKind } from './listen-types'
import { periods } from './use-mention-filters'

export interface MentionFiltersProps {
  filters: Filters
  queries: readonly ListenQuery[]
  onChange: (changes: Partial<Filters>) => void
}

export function MentionFilters({ filters, queries, onChange }: MentionFiltersProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const periodLabelId = useId()
  const languageOptions = useMemo(
    () => filterLanguages.map((code) => ({ value: code, label: languageName(code, language) })),
    [language],
  )
  const dayFormat = useMemo(() => new Intl.NumberFormat(language, { style: 'unit', unit: 'day', unitDisplay: 'long' }), [language])
  const common = { clearable: true, size: 'sm', w: 180, comboboxProps: { withinPortal: true } } as const

  return (
    <Stack gap="xs" data-testid="mention-filters">
      <Group gap="sm" align="flex-end">
        <Select
          {...common}
          label={t('listen.filters.query')}
          placeholder={t('listen.filters.allQueries')}
          data={queries.map((query) => ({ value: query.id, label: query.name }))}
          value={filters.queryId ?? null}
          onChange={(value) => onChange({ queryId: value ?? undefined })}
          data-testid="filter-query"
        />
        <Select
          {...common}
          label={t('listen.filters.source')}
          placeholder={t('listen.filters.allSources')}
          data={sourceKinds.map((kind) => ({ value: kind, label: t(`listen.sourceKinds.${kind}`) }))}
          value={filters.source ?? null}
          onChange={(value) => onChange({ source: (value as SourceKind | null) ?? undefined })}
          data-testid="filter-source"
        />
        <Select
          {...common}
          searchable
          label={t('listen.filters.language')}
          placeholder={t('listen.filters.allLanguages')}
          data={languageOptions}
          value={filters.lang ?? null}
          onChange={(value) => onChange({ lang: value ?? undefined })}
          nothingFoundMessage={t('common.nothingFound')}
          data-testid="filter-language"
        />
        <Select
          {...common}
          label={t('listen.filters.sentiment')}
          placeholder={t('listen.filters.allSentiments')}
          data={sentiments.map((sentiment) => ({ value: sentiment, label: t(`listen.sentiment.${sentiment}`) }))}
          value={filters.sentiment ?? null}
          onChange={(value) => onChange({ sentiment: (value as Sentiment | null) ?? undefined })}
          data-testid="filter-sentiment"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={periodLabelId}>
            {t('listen.filters.period')}
          </Text>
          <SegmentedControl
            aria-labelledby={periodLabelId}
            data={periods.map((days) => ({ value: String(days), label: dayFormat.format(days) }))}
            value={String(filters.days)}
            onChange={(value) => onChange({ days: Number(value) })}
            data-testid="filter-period"
          />
        </Stack>
      </Group>
    </Stack>
  )
}
