/**
 * What the mentions tab shows before there is anything to show: the two steps that make
 * listening work (a source to listen to, a query saying what to listen for), each done or with
 * the way to do it. It speaks to the doubtful owner first: see what people already say about you.
 */
import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconCheck, IconEar, IconListSearch, IconRss } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../app/paths'

interface StepProps {
  number: number
  done: boolean
  title: string
  text: string
  action: ReactNode
  'data-testid': string
}

function Step({ number, done, title, text, action, 'data-testid': testId }: StepProps) {
  const { t } = useTranslation()
  return (
    <Group gap="md" wrap="nowrap" align="flex-start" data-testid={testId} data-done={done}>
      <ThemeIcon size={32} radius="xl" variant={done ? 'filled' : 'light'} color={done ? 'teal' : 'indigo'} aria-label={done ? t('listen.start.done') : undefined}>
        {done ? <IconCheck size={18} /> : <Text fw={700}>{number}</Text>}
      </ThemeIcon>
      <Stack gap={4} style={{ flex: 1 }}>
        <Text fw={600} td={done ? 'line-through' : undefined} c={done ? 'dimmed' : undefined}>
          {title}
        </Text>
        {!done && <Text size="sm">{text}</Text>}
        {!done && action}
      </Stack>
    </Group>
  )
}

export function GettingStarted({ hasSources, hasQueries, canWrite }: { hasSources: boolean; hasQueries: boolean; canWrite: boolean }) {
  const { t } = useTranslation()
  const askSomeone = (
    <Text size="sm" c="dimmed">
      {t('listen.start.askEditor')}
    </Text>
  )
  return (
    <Card data-testid="listen-getting-started">
      <Stack gap="lg">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon size={44} radius="md" variant="light">
            <IconEar size={26} />
          </ThemeIcon>
          <Stack gap={4}>
            <Title order={2} fz="lg">
              {t('listen.start.title')}
            </Title>
            <Text size="sm" c="dimmed" maw={620}>
              {t('listen.start.intro')}
            </Text>
          </Stack>
        </Group>
        <Step
          number={1}
          done={hasSources}
          title={t('listen.start.sourceTitle')}
          text={t('listen.start.sourceText')}
          data-testid="start-source"
          action={
            canWrite ? (
              <Group>
                <Button component={Link} to={paths.listenSources} size="sm" variant="light" leftSection={<IconRss size={16} />} data-testid="start-add-source">
                  {t('listen.start.addSource')}
                </Button>
              </Group>
            ) : (
              askSomeone
            )
          }
        />
        <Step
          number={2}
          done={hasQueries}
          title={t('listen.start.queryTitle')}
          text={t('listen.start.queryText')}
          data-testid="start-query"
          action={
            canWrite ? (
              <Group>
                <Button component={Link} to={`${paths.listenQueries}?new=1`} size="sm" leftSection={<IconListSearch size={16} />} data-testid="start-create-query">
                  {t('listen.start.createQuery')}
                </Button>
              </Group>
            ) : (
              askSomeone
            )
          }
        />
      </Stack>
    </Card>
  )
}
