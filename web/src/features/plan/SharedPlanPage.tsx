/**
 * A plan shared by link (/shared/plans/:token), read without signing in: the business's name,
 * when the plan last changed, and the plan itself with its goals measured live, read-only.
 */
import { Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { PublicLayout } from '../../app/PublicLayout'
import { useFormatters } from '../../i18n/format'
import { usePublicPlan } from './plan-queries'
import { PlanView } from './PlanView'
import { SharedQueryState } from './SharedQueryState'

export function SharedPlanPage() {
  const { t } = useTranslation()
  const { formatDate } = useFormatters()
  const { token = '' } = useParams()
  const plan = usePublicPlan(token)
  return (
    <PublicLayout width={1000}>
      <SharedQueryState query={plan}>
        {(data) => (
          <Stack gap="lg" data-testid="shared-plan">
            <Stack gap={4}>
              <Text c="dimmed" size="sm">
                {t('plan.shared.planOf')}
              </Text>
              <Title order={1} fz={28} dir="auto">
                {data.workspaceName}
              </Title>
              <Text c="dimmed" size="sm">
                {t('plan.page.updated', { date: formatDate(data.updatedAt) })}
              </Text>
            </Stack>
            <PlanView plan={data.plan} live={data.live} />
          </Stack>
        )}
      </SharedQueryState>
    </PublicLayout>
  )
}
