/**
 * The living plan (/coach/plan): the saved plan with its goals measured live, the planned mix
 * beside the actual one and the fuel check, with ways to edit it, download it as a PDF (rendered
 * by the server in the person's language) and share it by link. Without a plan, an invitation to
 * build one that says what the seven steps are.
 */
import { Button, Card, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconEdit, IconFileDownload, IconMap2, IconShare } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { PlanResponse } from '../../app/coach-types'
import { paths } from '../../app/paths'
import { FormAlert } from '../../components/FormAlert'
import { QueryState } from '../../components/QueryState'
import { useFormatters } from '../../i18n/format'
import { planSteps } from './plan-draft'
import { usePlan, useSharePlan } from './plan-queries'
import { PlanShare } from './PlanShare'
import { PlanView } from './PlanView'

/** Where the server renders the plan as a PDF, in the language of whoever asks. */
const planPdfUrl = '/api/coach/plan/pdf'

function PlanEmptyState() {
  const { t } = useTranslation()
  return (
    <Card padding="xl" data-testid="plan-empty">
      <Stack gap="md" align="flex-start">
        <ThemeIcon size={48} radius="xl" variant="light">
          <IconMap2 size={26} />
        </ThemeIcon>
        <Stack gap={4}>
          <Title order={2} fz={20}>
            {t('plan.empty.title')}
          </Title>
          <Text>{t('plan.empty.intro')}</Text>
        </Stack>
        <List type="ordered" spacing="xs">
          {planSteps.map((step) => (
            <List.Item key={step}>
              <Text span fw={600}>
                {t(`plan.steps.${step}.title`)}
              </Text>
              <Text span c="dimmed" ms={6}>
                {t('plan.empty.stepSummary', { summary: t(`plan.steps.${step}.summary`) })}
              </Text>
            </List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed">
          {t('plan.empty.time')}
        </Text>
        <Button component={Link} to={paths.coachPlanEdit} size="md" data-testid="plan-build">
          {t('plan.empty.build')}
        </Button>
      </Stack>
    </Card>
  )
}

function LivingPlan({ data }: { data: PlanResponse & { plan: NonNullable<PlanResponse['plan']> } }) {
  const { t } = useTranslation()
  const { formatDateTime } = useFormatters()
  const share = useSharePlan()
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Title order={1} fz={26}>
            {t('plan.page.title')}
          </Title>
          {data.updatedAt !== null && (
            <Text c="dimmed" size="sm" data-testid="plan-updated">
              {t('plan.page.updated', { date: formatDateTime(data.updatedAt) })}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button component={Link} to={paths.coachPlanEdit} leftSection={<IconEdit size={16} />} data-testid="plan-edit">
            {t('plan.page.edit')}
          </Button>
          <Button component="a" href={planPdfUrl} download variant="default" leftSection={<IconFileDownload size={16} />} data-testid="plan-pdf">
            {t('plan.page.pdf')}
          </Button>
          {!data.shareUrl && (
            <Button variant="default" leftSection={<IconShare size={16} />} loading={share.isPending} onClick={() => share.mutate(true)} data-testid="plan-share-start">
              {t('plan.share.start')}
            </Button>
          )}
        </Group>
      </Group>
      {!data.shareUrl && <FormAlert error={share.error} />}
      {data.shareUrl && <PlanShare shareUrl={data.shareUrl} />}
      <PlanView plan={data.plan} live={data.live} actualMix={data.actualMix} fuel={data.fuel} />
    </Stack>
  )
}

export function PlanPage() {
  const { t } = useTranslation()
  const plan = usePlan()
  return (
    <Stack gap="lg" maw={1000} data-testid="plan-page">
      <QueryState query={plan}>
        {(data) =>
          data.plan ? (
            <LivingPlan data={{ ...data, plan: data.plan }} />
          ) : (
            <Stack gap="lg">
              <Title order={1} fz={26}>
                {t('plan.page.title')}
              </Title>
              <PlanEmptyState />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  )
}
