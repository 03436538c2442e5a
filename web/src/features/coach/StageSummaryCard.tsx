/**
 * Home's "your stage" card: the current stage with its one line and how many next steps are
 * done, linking to the coach; without an assessment, an invitation to the questionnaire. Says
 * nothing when the coach cannot be read (a role without access), rather than an error on Home.
 */
import { Button, Card, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconArrowRight, IconStairsUp } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../app/paths'
import { useFormatters } from '../../i18n/format'
import { useAssessment } from './coach-queries'

export function StageSummaryCard() {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const assessment = useAssessment()
  if (assessment.isError) return null
  const current = assessment.data?.current
  const steps = assessment.data?.nextSteps ?? []
  return (
    <Card data-testid="home-stage">
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon size={44} radius="md" variant="light" color="indigo" aria-hidden>
          {current ? (
            <Text fw={700} size="lg">
              {formatNumber(current.stage)}
            </Text>
          ) : (
            <IconStairsUp size={22} />
          )}
        </ThemeIcon>
        <Stack gap={4} style={{ flex: 1 }}>
          <Text size="sm" c="dimmed">
            {t('coach.home.label')}
          </Text>
          {assessment.isPending ? (
            <Loader size="sm" type="dots" />
          ) : current ? (
            <>
              <Title order={2} fz="lg" data-testid="home-stage-name">
                {t('coach.stageTitle', { stage: current.stage, name: t(`coach.stages.${current.stage}.name`) })}
              </Title>
              <Text size="sm">{t(`coach.stages.${current.stage}.hint`)}</Text>
              {steps.length > 0 && (
                <Text size="sm" c="dimmed">
                  {t('coach.steps.progress', { count: steps.length, done: steps.filter((step) => step.done).length })}
                </Text>
              )}
              <Group mt={4}>
                <Button component={Link} to={paths.coach} variant="light" size="sm" rightSection={<IconArrowRight size={16} className="sc-mirror" />}>
                  {t('coach.home.open')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Title order={2} fz="lg">
                {t('coach.home.startTitle')}
              </Title>
              <Text size="sm">{t('coach.home.startText')}</Text>
              <Group mt={4}>
                <Button component={Link} to={paths.coachQuestionnaire} size="sm" rightSection={<IconArrowRight size={16} className="sc-mirror" />} data-testid="home-stage-start">
                  {t('coach.start.action')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Group>
    </Card>
  )
}
