/**
 * The latest conversions and form answers: when, what happened (or how the visitor heard of the
 * business), its value, what recorded it, and the link and network of the click behind it.
 */
import { Badge, Button, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ConversionView } from '../../app/measure-types'
import { QueryState } from '../../components/QueryState'
import { useFormatters, useNow } from '../../i18n/format'
import { formatConversionValue, isFixedAnswer } from './measure-format'
import { useConversions } from './measure-queries'

function ConversionRow({ conversion, networkName }: { conversion: ConversionView; networkName: (id: string) => string }) {
  const { t, i18n } = useTranslation()
  const { formatDateTime, formatRelativeTime } = useFormatters()
  const now = useNow()
  const value = formatConversionValue(conversion, i18n.language)
  const answer = conversion.answer === null ? null : isFixedAnswer(conversion.answer) ? t(`measure.answers.${conversion.answer}`) : networkName(conversion.answer)
  return (
    <Table.Tr data-testid={`conversion-${conversion.id}`}>
      <Table.Td>
        <Text size="sm" title={formatDateTime(conversion.at)}>
          {formatRelativeTime(conversion.at, now)}
        </Text>
      </Table.Td>
      <Table.Td>
        {answer !== null ? (
          <Text size="sm" data-testid="conversion-answer">
            {t('measure.conversions.heard', { answer })}
          </Text>
        ) : (
          <Code dir="ltr" data-testid="conversion-type">
            {conversion.type}
          </Code>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="conversion-value">
          {value ?? t('measure.conversions.noValue')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color="gray" radius="sm" tt="none">
          {t(`measure.sources.${conversion.source}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {conversion.linkCode === null && conversion.network === null ? (
          <Text size="sm" c="dimmed">
            {t('measure.conversions.direct')}
          </Text>
        ) : (
          <Group gap={6} wrap="nowrap">
            {conversion.network && <Text size="sm">{networkName(conversion.network)}</Text>}
            {conversion.linkCode && (
              <Code dir="ltr" data-testid="conversion-link">
                {conversion.linkCode}
              </Code>
            )}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  )
}

export function LatestConversions({ networkName }: { networkName: (id: string) => string }) {
  const { t } = useTranslation()
  const conversions = useConversions()
  const headings = [t('measure.conversions.columns.when'), t('measure.conversions.columns.what'), t('measure.conversions.columns.value'), t('measure.conversions.columns.source'), t('measure.conversions.columns.origin')]
  return (
    <Card>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="lg">
            {t('measure.conversions.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('measure.conversions.intro')}
          </Text>
        </Stack>
        <QueryState query={conversions}>
          {(list) =>
            list.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="conversions-none">
                {t('measure.conversions.none')}
              </Text>
            ) : (
              <Stack gap="sm">
                <Table.ScrollContainer minWidth={640}>
                  <Table verticalSpacing="xs" data-testid="conversions-table">
                    <Table.Thead>
                      <Table.Tr>
                        {headings.map((heading) => (
                          <Table.Th key={heading}>{heading}</Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.map((conversion) => (
                        <ConversionRow key={conversion.id} conversion={conversion} networkName={networkName} />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {conversions.hasNextPage && (
                  <Group justify="center">
                    <Button variant="default" size="xs" loading={conversions.isFetchingNextPage} onClick={() => void conversions.fetchNextPage()} data-testid="conversions-more">
                      {t('measure.showMore')}
                    </Button>
                  </Group>
                )}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Card>
  )
}
