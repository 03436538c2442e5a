/**
 * A searchable list of the IANA time zones the server knows (from `/api/meta`), each shown with
 * its current UTC offset in the UI language.
 */
import { Select, type SelectProps } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useMeta } from '../app/meta'

/** The browser's own time zone, the natural default for a new workspace. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

function offsetOf(zone: string, language: string, now: Date): string {
  try {
    const parts = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(now)
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? ''
  } catch {
    return ''
  }
}

function optionsFor(zones: readonly string[], language: string): Array<{ value: string; label: string }> {
  const now = new Date()
  return zones.map((zone) => {
    const place = zone.replaceAll('_', ' ')
    const offset = offsetOf(zone, language, now)
    return { value: zone, label: offset ? `${place} (${offset})` : place }
  })
}

export interface TimeZoneSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string
  onChange: (zone: string) => void
}

export function TimeZoneSelect({ value, onChange, ...props }: TimeZoneSelectProps) {
  const { t, i18n } = useTranslation()
  const meta = useMeta()
  const zones = meta.data?.timeZones
  const data = useMemo(() => {
    const known = zones ?? []
    // The current value stays choosable even if the list is missing or does not include it.
    return optionsFor(known.includes(value) || !value ? known : [value, ...known], i18n.language)
  }, [zones, value, i18n.language])
  return (
    <Select
      searchable
      allowDeselect={false}
      data={data}
      value={value || null}
      onChange={(zone) => {
        if (zone) onChange(zone)
      }}
      nothingFoundMessage={t('common.nothingFound')}
      maxDropdownHeight={280}
      {...props}
      error={props.error ?? (meta.isError ? t('errors.timeZonesUnavailable') : undefined)}
    />
  )
}
