/**
 * Why the coach placed the business where it did: the stage with when it was assessed and what
 * decided it, the sentence explaining a disagreement between answers and activity, each piece of
 * evidence marked with where it came from, and what the coach cannot read yet.
 */
import { Alert, Badge, Card, Group, List, Stack, Text, ThemeIcon, Title, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconActivity, IconClipboardList, IconEyeOff, IconScale } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { AssessmentResponse, EvidenceView } from '../../app/coach-types'
import { useFormatters, useNow } from '../../i18n/format'

type Current = NonNullable<AssessmentResponse['current']>

const sources: ReadonlyArray<EvidenceView['source']> = ['answers', 'activity']

export function CurrentStage({ current }: { current: Current }) {
  const { t } = useTranslation()
  const { formatRelativeTime } = useFormatters()
  const now = useNow()
  return (
    <Stack gap={6} data-testid="current-stage" data-stage={current.stage}>
      <Text size="sm" c="dimmed" fw={500}>
        {t('coach.current.label')}
      </Text>
      <Title order={2} fz={24} data-testid="current-stage-name">
        {t('coach.stageTitle', { stage: current.stage, name: t(`coach.stages.${current.stage}.name`) })}
      </Title>
      <Text>{t(`coach.stages.${current.stage}.hint`)}</Text>
      <Text size="sm" c="dimmed">
        {t(`coach.current.decidedBy.${current.decidedBy}`)} {t('coach.current.assessed', { when: formatRelativeTime(current.assessedAt, now) })}
      </Text>
    </Stack>
  )
}

export function Disagreement({ current }: { current: Current }) {
  const { t } = useTranslation()
  if (!current.disagreement) return null
  return (
    <Alert variant="light" color="blue" icon={<IconScale size={18} />} title={t('coach.disagreement.title')} data-testid="coach-disagreement">
      <Stack gap={4}>
        {current.answersStage !== null && (
          <Text size="sm">{t('coach.disagreement.stages', { answers: current.answersStage, activity: current.activityStage })}</Text>
        )}
        <Text size="sm">{current.disagreement}</Text>
      </Stack>
    </Alert>
  )
}

function SourceIcon({ source }: { source: EvidenceView['source'] }) {
  const { t } = useTranslation()
  const label = t(`coach.evidence.from.${source}`)
  return (
    <Tooltip label={label}>
      <ThemeIcon size={26} radius="xl" variant="light" color={source === 'answers' ? 'grape' : 'teal'}>
        {source === 'answers' ? <IconClipboardList size={16} aria-hidden /> : <IconActivity size={16} aria-hidden />}
        <VisuallyHidden>{label}</VisuallyHidden>
      </ThemeIcon>
    </Tooltip>
  )
}

export function EvidenceList({ evidence }: { evidence: readonly EvidenceView[] }) {
  const { t } = useTranslation()
  return (
    <Card data-testid="coach-evidence">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {t('coach.evidence.title')}
          </Title>
          <Group gap="md">
            {sources.map((source) => (
              <Group key={source} gap={6} wrap="nowrap" aria-hidden>
                {source === 'answers' ? <IconClipboardList size={14} /> : <IconActivity size={14} />}
                <Text size="xs" c="dimmed">
                  {t(`coach.evidence.from.${source}`)}
                </Text>
              </Group>
            ))}
          </Group>
        </Stack>
        {evidence.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('coach.evidence.none')}
          </Text>
        ) : (
          <List spacing="sm" listStyleType="none" styles={{ itemWrapper: { alignItems: 'flex-start' } }}>
            {evidence.map((item, index) => (
              <List.Item key={index} icon={<SourceIcon source={item.source} />} data-testid={`evidence-${item.source}`}>
                <Group gap="xs" align="baseline">
                  <Text size="sm">{item.text}</Text>
                  {item.pointsTo !== null && (
                    <Badge size="xs" variant="outline" color="gray">
                      {t('coach.evidence.pointsTo', { stage: item.pointsTo })}
                    </Badge>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  )
}

export function WaitingFor({ items }: { items: readonly string[] }) {
  const { t } = useTranslation()
  if (items.length === 0) return null
  return (
    <Card bg="gray.0" withBorder={false} data-testid="coach-waiting">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconEyeOff size={18} aria-hidden />
          <Title order={2} fz="lg">
            {t('coach.waiting.title')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('coach.waiting.intro')}
        </Text>
        <List size="sm" spacing={4}>
          {items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  )
}
