/**
 * The read-only parts of a plan after its goals and mix: the audience and the networks chosen for
 * it, the tools by family, the measures and equity targets, the fuel (with the check of planned
 * against actual hours, when there is one) and the risks with their review dates. Used by the
 * owner's plan page and by the page a shared link opens.
 */
import { Alert, Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconGasStation } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { equityParts, measureKinds, toolFamilies, type Plan, type PlanResponse } from '../../app/coach-types'
import { useFormatters } from '../../i18n/format'
import { useNetworkName } from './network-name'
import { formatDay } from './plan-format'
import { OwnerText, PlanSection } from './PlanSection'

function NotFilled() {
  const { t } = useTranslation()
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {t('plan.view.notFilled')}
    </Text>
  )
}

export function PlanLandscapeView({ plan }: { plan: Plan }) {
  const { t } = useTranslation()
  const networkName = useNetworkName()
  return (
    <PlanSection title={t('plan.steps.landscape.title')} data-testid="plan-view-landscape">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('plan.view.audience')}
        </Text>
        <OwnerText text={plan.audience} />
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('plan.view.networks')}
        </Text>
        {plan.networks.length === 0 ? (
          <NotFilled />
        ) : (
          <List size="sm" spacing={4}>
            {plan.networks.map((entry) => (
              <List.Item key={entry.network}>
                <Text span size="sm" fw={600}>
                  {networkName(entry.network)}
                </Text>
                {entry.why && (
                  <Text span size="sm" ms={6}>
                    {t('plan.view.networkWhy', { why: entry.why })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </PlanSection>
  )
}

export function PlanToolsView({ plan }: { plan: Plan }) {
  const { t } = useTranslation()
  const families = toolFamilies.filter((family) => (plan.tools[family] ?? []).length > 0)
  return (
    <PlanSection title={t('plan.steps.tools.title')} data-testid="plan-view-tools">
      {families.length === 0 ? (
        <NotFilled />
      ) : (
        <Stack gap="xs">
          {families.map((family) => (
            <Group key={family} gap={6} align="center">
              <Text size="sm" fw={600} miw={120}>
                {t(`plan.toolFamilies.${family}.name`)}
              </Text>
              {(plan.tools[family] ?? []).map((tool) => (
                <Badge key={tool} variant="outline" color="gray" tt="none" dir="auto">
                  {tool}
                </Badge>
              ))}
            </Group>
          ))}
        </Stack>
      )}
    </PlanSection>
  )
}

export function PlanMeasuresView({ plan }: { plan: Plan }) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const kinds = measureKinds.filter((kind) => plan.measures.includes(kind))
  const targets = equityParts.filter((part) => plan.equityTargets[part] !== undefined)
  return (
    <PlanSection title={t('plan.steps.measures.title')} data-testid="plan-view-measures">
      {kinds.length === 0 ? (
        <NotFilled />
      ) : (
        <List size="sm" spacing={4}>
          {kinds.map((kind) => (
            <List.Item key={kind}>
              <Text span size="sm" fw={600}>
                {t(`plan.measureKinds.${kind}.name`)}
              </Text>
              <Text span size="sm" c="dimmed" ms={6}>
                {t(`plan.measureKinds.${kind}.hint`)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Text size="sm" fw={600}>
        {t('plan.view.equityTargets')}
      </Text>
      {targets.length === 0 ? (
        <NotFilled />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {targets.map((part) => (
            <Stack key={part} gap={2} data-testid={`plan-view-equity-${part}`}>
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Text size="sm">{t(`plan.equityParts.${part}.name`)}</Text>
                <Text size="sm" fw={600}>
                  {t('plan.view.equityTarget', { value: formatNumber(plan.equityTargets[part] ?? 0) })}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {t(`plan.equityParts.${part}.hint`)}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </PlanSection>
  )
}

export interface PlanFuelViewProps {
  plan: Plan
  /** The check against real activity; only the owner's page has it. */
  fuel?: PlanResponse['fuel']
}

export function PlanFuelView({ plan, fuel }: PlanFuelViewProps) {
  const { t } = useTranslation()
  const short = fuel && fuel.actualHours !== null && fuel.actualHours < fuel.plannedHours
  return (
    <PlanSection title={t('plan.steps.fuel.title')} data-testid="plan-view-fuel">
      <Text size="sm">{t('plan.view.hoursPerWeek', { count: plan.hoursPerWeek })}</Text>
      {fuel && (
        <Alert color={fuel.actualHours === null ? 'gray' : short ? 'orange' : 'teal'} variant="light" icon={<IconGasStation size={18} />} data-testid="plan-view-fuel-check">
          {fuel.text}
        </Alert>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('plan.view.people')}
        </Text>
        {plan.people.length === 0 ? (
          <NotFilled />
        ) : (
          <List size="sm" spacing={4}>
            {plan.people.map((person, index) => (
              <List.Item key={`${person.name}-${index}`}>
                <Text span size="sm" dir="auto">
                  {person.role
                    ? t('plan.view.personWithRole', { name: person.name, role: person.role, count: person.hoursPerWeek })
                    : t('plan.view.person', { name: person.name, count: person.hoursPerWeek })}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('plan.view.contentSources')}
        </Text>
        {plan.contentSources.length === 0 ? (
          <NotFilled />
        ) : (
          <Group gap={6}>
            {plan.contentSources.map((source) => (
              <Badge key={source} variant="light" color="gray" tt="none" dir="auto">
                {source}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </PlanSection>
  )
}

export function PlanRisksView({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation()
  const { formatList } = useFormatters()
  const dates = [...plan.reviewDates].sort()
  return (
    <PlanSection title={t('plan.steps.risks.title')} data-testid="plan-view-risks">
      <OwnerText text={plan.risks} />
      <Text size="sm" data-testid="plan-view-reviews">
        {dates.length === 0 ? t('plan.view.noReviews') : t('plan.view.reviews', { dates: formatList(dates.map((date) => formatDay(date, i18n.language, 'long'))) })}
      </Text>
    </PlanSection>
  )
}
