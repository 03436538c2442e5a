/**
 * The influence score and social media equity, shown with nothing hidden: each part with its own
 * score and bar, what it means, its formula with the period's figures in it, and the figures it
 * was computed from. A figure not known yet says so; it is never shown as 0.
 */
import { Card, Group, List, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { EquityScore, InfluenceScore, ScorePart } from '../../../app/measure-types'
import { useFormatters } from '../../../i18n/format'
import { weightShares } from './dashboard-figures'
import { useScoreText, type ScoreText } from './use-score-text'

type Score = 'influence' | 'equity'

/** A score from 0 to 100 in the reader's digits, or "not known yet". */
function ScoreFigure({ score, size, 'data-testid': testId }: { score: number | null; size: 'lg' | 'sm'; 'data-testid': string }) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  if (score === null) {
    return (
      <Text fz={size === 'lg' ? 'lg' : 'sm'} fw={600} c="dimmed" data-testid={testId}>
        {t('measure.dashboard.notKnown')}
      </Text>
    )
  }
  return (
    <Group gap={4} align="baseline" wrap="nowrap">
      <Text fz={size === 'lg' ? 44 : 'lg'} fw={700} lh={1} data-testid={testId}>
        {formatNumber(Math.round(score))}
      </Text>
      <Text size="sm" c="dimmed">
        {t('measure.dashboard.scores.outOf', { max: formatNumber(100) })}
      </Text>
    </Group>
  )
}

function scoreColor(score: number | null): string {
  if (score === null) return 'gray'
  return score >= 67 ? 'teal' : score >= 34 ? 'yellow' : 'orange'
}

function Part({ score, part, weight, text }: { score: Score; part: ScorePart; weight: number | null; text: ScoreText }) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const base = `measure.${score}.parts.${part.key}`
  const title = text(`${base}.title`) ?? part.key
  const explain = text(`${base}.explain`)
  const formula = text(`${base}.formula`, part.formulaValues)
  return (
    <Stack gap={6} data-testid={`dashboard-${score}-${part.key}`}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
        <Text fw={600}>{title}</Text>
        <ScoreFigure score={part.score} size="sm" data-testid={`dashboard-${score}-${part.key}-score`} />
      </Group>
      <Progress value={part.score ?? 0} color={scoreColor(part.score)} size="md" aria-label={t('measure.dashboard.scores.partBar', { name: title })} />
      {weight !== null && (
        <Text size="xs" c="dimmed">
          {t('measure.dashboard.scores.weight', { share: formatNumber(weight, { style: 'percent', maximumFractionDigits: 0 }) })}
        </Text>
      )}
      {explain && <Text size="sm">{explain}</Text>}
      {formula && (
        <Text size="sm" c="dimmed" data-testid={`dashboard-${score}-${part.key}-formula`}>
          {t('measure.dashboard.scores.formula', { formula })}
        </Text>
      )}
      {part.inputs.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" fw={600} c="dimmed">
            {t('measure.dashboard.scores.inputs')}
          </Text>
          <List size="sm" spacing={2} withPadding>
            {part.inputs.map((input) => (
              <List.Item key={input.name} data-testid={`dashboard-${score}-${part.key}-input-${input.name}`}>
                {t('measure.dashboard.scores.input', {
                  name: text(`measure.inputs.${input.name}`) ?? input.name,
                  value: input.value === null ? t('measure.dashboard.notKnown') : formatNumber(input.value, { maximumFractionDigits: 3 }),
                })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  )
}

/** A score's title and what it means; the key stands in for a title the catalog lacks, as i18next itself would show it. */
function ScoreHeading({ score, text }: { score: Score; text: ScoreText }) {
  const titleKey = `measure.${score}.title`
  const explain = text(`measure.${score}.explain`)
  return (
    <Stack gap={2} maw={640}>
      <Title order={3} fz="md">
        {text(titleKey) ?? titleKey}
      </Title>
      {explain && (
        <Text size="sm" c="dimmed">
          {explain}
        </Text>
      )}
    </Stack>
  )
}

export function InfluenceCard({ influence }: { influence: InfluenceScore }) {
  const text = useScoreText()
  const weights = weightShares(influence.parts)
  return (
    <Card padding="md" data-testid="dashboard-influence">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="md">
          <ScoreHeading score="influence" text={text} />
          <ScoreFigure score={influence.score} size="lg" data-testid="dashboard-influence-score" />
        </Group>
        <SimpleGrid cols={{ base: 1, md: Math.max(1, Math.min(3, influence.parts.length)) }} spacing="lg">
          {influence.parts.map((part) => (
            <Part key={part.key} score="influence" part={part} weight={weights.get(part.key) ?? null} text={text} />
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  )
}

export function EquityCard({ equity }: { equity: EquityScore }) {
  const text = useScoreText()
  return (
    <Card padding="md" data-testid="dashboard-equity">
      <Stack gap="md">
        <ScoreHeading score="equity" text={text} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          {equity.parts.map((part) => (
            <Part key={part.key} score="equity" part={part} weight={null} text={text} />
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  )
}

export function Scores({ influence, equity }: { influence: InfluenceScore; equity: EquityScore }) {
  const { t } = useTranslation()
  return (
    <Stack gap="sm" data-testid="dashboard-scores">
      <Stack gap={0}>
        <Title order={2} fz="lg">
          {t('measure.dashboard.scores.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('measure.dashboard.scores.transparent')}
        </Text>
      </Stack>
      <InfluenceCard influence={influence} />
      <EquityCard equity={equity} />
    </Stack>
  )
}
