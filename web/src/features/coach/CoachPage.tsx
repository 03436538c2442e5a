/**
 * The coach (/coach): where the business stands on the six-stage ladder and why (the evidence
 * from answers and from activity, which one decided when they disagree, what cannot be read
 * yet), how the stage moved over time, and the next steps that move it on. Without an
 * assessment yet, a welcome that leads to the questionnaire.
 */
import { Alert, Button, Card, Grid, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconArrowRight, IconClipboardList, IconRefresh, IconSparkles, IconStairsUp } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useNotice } from '../../app/Notices'
import type { AssessmentResponse } from '../../app/coach-types'
import { paths } from '../../app/paths'
import { FormAlert } from '../../components/FormAlert'
import { QueryState } from '../../components/QueryState'
import { CurrentStage, Disagreement, EvidenceList, WaitingFor } from './AssessmentDetails'
import { mythForStage } from './coach-logic'
import { useAssessment, useReassess } from './coach-queries'
import { MythTip } from './MythTip'
import { NextSteps } from './NextSteps'
import { StageHistory } from './StageHistory'
import { StageLadder } from './StageLadder'

/** What the questionnaire passes along when it sends people here after saving. */
export interface CoachPageState {
  justAssessed?: boolean
}

function StartCard() {
  const { t } = useTranslation()
  return (
    <Card padding="xl" bg="indigo.0" withBorder={false} data-testid="coach-start">
      <Group gap="lg" align="flex-start" wrap="nowrap">
        <ThemeIcon size={56} radius="xl" color="indigo" variant="filled" aria-hidden>
          <IconStairsUp size={30} />
        </ThemeIcon>
        <Stack gap="sm" align="flex-start">
          <Title order={2} fz="xl">
            {t('coach.start.title')}
          </Title>
          <Text maw={620}>{t('coach.start.text')}</Text>
          <Group gap="sm" align="center">
            <Button component={Link} to={paths.coachQuestionnaire} size="md" rightSection={<IconArrowRight size={18} className="sc-mirror" />} data-testid="coach-start-questionnaire">
              {t('coach.start.action')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('coach.start.duration')}
            </Text>
          </Group>
        </Stack>
      </Group>
    </Card>
  )
}

function Assessment({ data }: { data: AssessmentResponse }) {
  const { current, history, nextSteps } = data
  if (!current) {
    return (
      <Stack gap="lg">
        <StartCard />
        <StageLadder current={null} />
        {nextSteps.length > 0 && <NextSteps steps={nextSteps} />}
      </Stack>
    )
  }
  const myth = mythForStage(current.stage)
  return (
    <Stack gap="lg">
      <Card>
        <Stack gap="lg">
          <CurrentStage current={current} />
          <StageLadder current={current.stage} />
        </Stack>
      </Card>
      <Disagreement current={current} />
      <NextSteps steps={nextSteps} />
      {myth && <MythTip myth={myth} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <EvidenceList evidence={current.evidence} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <WaitingFor items={current.waitingFor} />
            <StageHistory history={history} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}

export function CoachPage() {
  const { t } = useTranslation()
  const notify = useNotice()
  const location = useLocation()
  const justAssessed = (location.state as CoachPageState | null)?.justAssessed === true
  const assessment = useAssessment()
  const reassess = useReassess()
  const hasAnswers = Boolean(assessment.data?.current?.answersStage)

  return (
    <Stack gap="lg" maw={1100} data-testid="coach-page">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} maw={640}>
          <Title order={1} fz={26}>
            {t('coach.title')}
          </Title>
          <Text c="dimmed">{t('coach.intro')}</Text>
        </Stack>
        <Group gap="sm">
          <Button component={Link} to={paths.coachQuestionnaire} variant="default" leftSection={<IconClipboardList size={16} />} data-testid="coach-retake">
            {t(hasAnswers ? 'coach.retake' : 'coach.answer')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconRefresh size={16} />}
            loading={reassess.isPending}
            onClick={() => reassess.mutate(undefined, { onSuccess: () => notify(t('coach.reassessed')) })}
            data-testid="coach-reassess"
          >
            {t('coach.reassess')}
          </Button>
        </Group>
      </Group>
      <FormAlert error={reassess.error} />
      {justAssessed && (
        <Alert variant="light" color="teal" icon={<IconSparkles size={18} />} data-testid="coach-just-assessed">
          {t('coach.justAssessed')}
        </Alert>
      )}
      <QueryState query={assessment}>{(data) => <Assessment data={data} />}</QueryState>
    </Stack>
  )
}
