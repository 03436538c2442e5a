/**
 * A published results page (/shared/results/:token), read without signing in: made for other
 * business owners, clean on screen and on paper. The business's name and words, the figures it
 * chose as cards, the goals it met, the tools it uses, the stage it reached, and a friendly
 * nudge for the reader to begin.
 */
import { Badge, Blockquote, Button, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconPrinter, IconRocket, IconTargetArrow } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import type { PublicResults } from '../../app/coach-types'
import { PublicLayout } from '../../app/PublicLayout'
import { useFormatters } from '../../i18n/format'
import { usePublicResults } from './plan-queries'
import { SharedQueryState } from './SharedQueryState'

/** On paper, the print button has nothing to do. */
const printStyles = '@media print { .sc-no-print { display: none !important; } }'

function Results({ data }: { data: PublicResults }) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  return (
    <Stack gap="xl" data-testid="shared-results">
      <style>{printStyles}</style>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {t('plan.publicResults.eyebrow')}
          </Text>
          <Title order={1} fz={30} dir="auto">
            {data.workspaceName}
          </Title>
        </Stack>
        <Button className="sc-no-print" variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()} data-testid="shared-results-print">
          {t('plan.publicResults.print')}
        </Button>
      </Group>

      {data.stage !== null && (
        <Card data-testid="shared-results-stage">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={44} radius="xl" variant="light">
              <IconRocket size={24} />
            </ThemeIcon>
            <Stack gap={2}>
              <Text fw={650}>{t('plan.publicResults.stage', { stage: data.stage, name: t(`plan.stages.${data.stage}.name`) })}</Text>
              <Text size="sm" c="dimmed">
                {t(`plan.stages.${data.stage}.summary`)}
              </Text>
            </Stack>
          </Group>
        </Card>
      )}

      {data.story.trim() && (
        <Blockquote color="indigo" p="md" data-testid="shared-results-story">
          <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {data.story}
          </Text>
        </Blockquote>
      )}

      {data.figures.length > 0 && (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          {data.figures.map((figure) => (
            <Card key={figure.id} data-testid={`shared-results-figure-${figure.id}`}>
              <Stack gap={4}>
                <Text size="sm" c="dimmed">
                  {figure.label}
                </Text>
                <Text fz={26} fw={700} lh={1.2}>
                  {figure.value}
                </Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}

      {data.goalsMet.length > 0 && (
        <Stack gap="sm" data-testid="shared-results-goals">
          <Title order={2} fz={20}>
            {t('plan.publicResults.goalsMet', { count: data.goalsMet.length })}
          </Title>
          <List spacing="sm" icon={<ThemeIcon color="teal" size={22} radius="xl" variant="light"><IconTargetArrow size={14} /></ThemeIcon>}>
            {data.goalsMet.map((goal, index) => (
              <List.Item key={`${index}-${goal.text}`}>
                <Text span fw={600} dir="auto">
                  {goal.text}
                </Text>
                <Text span c="dimmed" size="sm" ms={6}>
                  {t('plan.publicResults.goalFigures', { target: formatNumber(goal.target), value: formatNumber(goal.value) })}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}

      {data.tools.length > 0 && (
        <Stack gap="sm" data-testid="shared-results-tools">
          <Title order={2} fz={20}>
            {t('plan.publicResults.tools')}
          </Title>
          <Group gap={6}>
            {data.tools.map((tool) => (
              <Badge key={tool} variant="light" size="lg" tt="none" dir="auto">
                {tool}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}

      <Card bg="indigo.0" data-testid="shared-results-invite">
        <Stack gap={6}>
          <Text fw={650}>{t('plan.publicResults.inviteTitle')}</Text>
          <Text size="sm">{t('plan.publicResults.invite')}</Text>
        </Stack>
      </Card>
    </Stack>
  )
}

export function SharedResultsPage() {
  const { token = '' } = useParams()
  const results = usePublicResults(token)
  return (
    <PublicLayout width={900}>
      <SharedQueryState query={results}>{(data) => <Results data={data} />}</SharedQueryState>
    </PublicLayout>
  )
}
