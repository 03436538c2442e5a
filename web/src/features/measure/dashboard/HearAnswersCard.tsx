/**
 * The answers to "How did you hear about us?" in the period: each network, a friend, a search or
 * something else, with its count and share. The simplest hard number there is: customers saying
 * in their own words that social media brought them.
 */
import { Anchor, Card, Group, Progress, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { MeasureDashboard } from '../../../app/measure-types'
import { paths } from '../../../app/paths'
import { useFormatters } from '../../../i18n/format'
import { isFixedAnswer } from '../measure-format'
import { answerShares } from './dashboard-figures'

export function HearAnswersCard({ answers, networkName }: { answers: MeasureDashboard['hearAnswers']; networkName: (id: string) => string }) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const rows = answerShares(answers)
  const label = (answer: string) => (isFixedAnswer(answer) ? t(`measure.answers.${answer}`) : networkName(answer))
  return (
    <Card padding="md" data-testid="dashboard-hear">
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={3} fz="md">
            {t('measure.dashboard.hear.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('measure.dashboard.hear.intro')}
          </Text>
        </Stack>
        {rows.length === 0 ? (
          <Stack gap={4} align="flex-start">
            <Text size="sm" c="dimmed">
              {t('measure.dashboard.hear.none')}
            </Text>
            <Anchor component={Link} to={paths.measureSetup} size="sm">
              {t('measure.dashboard.hear.addForm')}
            </Anchor>
          </Stack>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {rows.map((row) => (
              <Stack key={row.answer} gap={4} component="li" data-testid={`dashboard-hear-${row.answer}`}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {label(row.answer)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {t('measure.dashboard.hear.figure', { count: row.count, percent: formatNumber(row.share, { style: 'percent', maximumFractionDigits: 0 }) })}
                  </Text>
                </Group>
                <Progress value={row.share * 100} color={isFixedAnswer(row.answer) ? 'gray' : 'indigo'} size="md" aria-label={t('measure.dashboard.hear.shareOf', { answer: label(row.answer) })} />
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  )
}
