/**
 * When posts do best: a weekday × hour grid shaded by what a post published in that hour earned
 * (engagement and clicks per post), the week starting where the reader's locale starts it and
 * the hours running in the reading direction; the best hours named in words, and how many posts
 * the reading rests on. Fewer than two posts say nothing yet.
 */
import { Box, Card, Group, ScrollArea, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { BestTimes } from '../../../app/measure-types'
import { useFormatters } from '../../../i18n/format'
import { heatLevels, heatRows, hourName, localeFirstDay, slotWords, weekdayName, weekdayOrder, type HeatCell } from './best-times'

/** Shades of the primary colour from "posted, earned nothing" (level 0) to the best hour. */
const shades = ['gray-3', 'indigo-1', 'indigo-3', 'indigo-5', 'indigo-7', 'indigo-9'] as const
/** Hours labelled above the grid (each column still names its hour on hover). */
const labelledHours = new Set([0, 6, 12, 18])
/** Fewer posts than this say nothing about timing. */
const enoughPosts = 2

function cellColor(cell: HeatCell | null): string {
  if (cell === null) return 'var(--mantine-color-gray-1)'
  return `var(--mantine-color-${shades[Math.min(cell.level, heatLevels)]})`
}

export function BestTimesCard({ times, timeZone }: { times: BestTimes; timeZone: string }) {
  const { t, i18n } = useTranslation()
  const { formatList, formatNumber } = useFormatters()
  const language = i18n.language
  const rows = useMemo(() => heatRows(times, weekdayOrder(localeFirstDay(language))), [times, language])
  const best = times.best.slice(0, 3).map((slot) => t('measure.dashboard.bestTimes.slot', slotWords(slot, language)))
  const enough = times.posts >= enoughPosts

  return (
    <Card padding="md" data-testid="dashboard-best-times">
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={3} fz="md">
            {t('measure.dashboard.bestTimes.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('measure.dashboard.bestTimes.intro', { zone: timeZone.replaceAll('_', ' ') })}
          </Text>
        </Stack>
        {!enough ? (
          <Text size="sm" c="dimmed" data-testid="dashboard-best-times-empty">
            {t('measure.dashboard.bestTimes.notEnough')}
          </Text>
        ) : (
          <>
            {best.length > 0 && (
              <Text size="sm" fw={500} data-testid="dashboard-best-times-words">
                {t('measure.dashboard.bestTimes.best', { slots: formatList(best) })}
              </Text>
            )}
            <Text size="xs" c="dimmed" data-testid="dashboard-best-times-based-on">
              {t('measure.dashboard.bestTimes.basedOn', { count: times.posts })}
            </Text>
            <ScrollArea type="auto" offsetScrollbars>
              <Box
                aria-hidden
                miw={560}
                style={{ display: 'grid', gridTemplateColumns: 'max-content repeat(24, minmax(16px, 1fr))', gap: 2, alignItems: 'center' }}
              >
                <span />
                {Array.from({ length: 24 }, (_, hour) => (
                  <Text key={hour} size="xs" c="dimmed" style={{ whiteSpace: 'nowrap', overflow: 'visible' }}>
                    {labelledHours.has(hour) ? hourName(hour, language) : ''}
                  </Text>
                ))}
                {rows.map((row) => (
                  <Box key={row.weekday} style={{ display: 'contents' }}>
                    <Text size="xs" c="dimmed" pe="xs">
                      {weekdayName(row.weekday, language, 'short')}
                    </Text>
                    {row.hours.map((cell, hour) => (
                      <Box
                        key={hour}
                        h={20}
                        title={
                          cell
                            ? t('measure.dashboard.bestTimes.cell', {
                                day: weekdayName(row.weekday, language),
                                hour: hourName(hour, language),
                                count: cell.posts,
                                engagement: formatNumber(cell.engagement),
                                clicks: formatNumber(cell.clicks),
                              })
                            : t('measure.dashboard.bestTimes.emptyCell', { day: weekdayName(row.weekday, language), hour: hourName(hour, language) })
                        }
                        data-level={cell?.level}
                        style={{
                          backgroundColor: cellColor(cell),
                          borderRadius: 3,
                          outline: cell?.best ? '2px solid var(--mantine-color-orange-6)' : undefined,
                          outlineOffset: -2,
                        }}
                      />
                    ))}
                  </Box>
                ))}
              </Box>
            </ScrollArea>
            <Group gap="md" aria-hidden>
              <Group gap={4} wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {t('measure.dashboard.bestTimes.less')}
                </Text>
                {shades.map((shade) => (
                  <Box key={shade} w={14} h={14} style={{ backgroundColor: `var(--mantine-color-${shade})`, borderRadius: 3 }} />
                ))}
                <Text size="xs" c="dimmed">
                  {t('measure.dashboard.bestTimes.more')}
                </Text>
              </Group>
              {times.best.length > 0 && (
                <Group gap={4} wrap="nowrap">
                  <Box w={14} h={14} style={{ outline: '2px solid var(--mantine-color-orange-6)', outlineOffset: -2, borderRadius: 3 }} />
                  <Text size="xs" c="dimmed">
                    {t('measure.dashboard.bestTimes.outlined')}
                  </Text>
                </Group>
              )}
            </Group>
            <VisuallyHidden>
              <Table>
                <caption>{t('measure.dashboard.bestTimes.title')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('measure.dashboard.bestTimes.when')}</Table.Th>
                    <Table.Th>{t('measure.dashboard.columns.posts')}</Table.Th>
                    <Table.Th>{t('measure.dashboard.columns.engagement')}</Table.Th>
                    <Table.Th>{t('measure.dashboard.columns.clicks')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.flatMap((row) =>
                    row.hours.map((cell, hour) =>
                      cell ? (
                        <Table.Tr key={`${row.weekday}-${hour}`}>
                          <Table.Td>{t('measure.dashboard.bestTimes.slot', slotWords({ weekday: row.weekday, hour }, language))}</Table.Td>
                          <Table.Td>{formatNumber(cell.posts)}</Table.Td>
                          <Table.Td>{formatNumber(cell.engagement)}</Table.Td>
                          <Table.Td>{formatNumber(cell.clicks)}</Table.Td>
                        </Table.Tr>
                      ) : null,
                    ),
                  )}
                </Table.Tbody>
              </Table>
            </VisuallyHidden>
          </>
        )}
      </Stack>
    </Card>
  )
}
