/**
 * The questionnaire (/coach/questionnaire): a dozen questions about how the business uses social
 * media today, one card each with its options, earlier answers filled in, and a progress bar.
 * Saving assesses again and leads to the coach, which shows the new stage. Whatever questions
 * the API sends are shown; their words come from the catalog by id.
 */
import { Anchor, Button, Card, Group, Progress, Radio, Stack, Text, Title } from '@mantine/core'
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { Questionnaire } from '../../app/coach-types'
import { paths } from '../../app/paths'
import { FormAlert } from '../../components/FormAlert'
import { fieldError } from '../../components/form-errors'
import { QueryState } from '../../components/QueryState'
import { useFormatters } from '../../i18n/format'
import { answeredCount, knownAnswers, labelFromId } from './coach-logic'
import { useQuestionnaire, useSaveAnswers } from './coach-queries'
import type { CoachPageState } from './CoachPage'
import { useDynamicLabel } from './use-dynamic-label'

interface QuestionCardProps {
  id: string
  options: readonly string[]
  number: number
  total: number
  value: string | undefined
  error: string | undefined
  onChange: (option: string) => void
}

function QuestionCard({ id, options, number, total, value, error, onChange }: QuestionCardProps) {
  const { t } = useTranslation()
  const label = useDynamicLabel()
  return (
    <Card component="section" data-testid={`question-${id}`}>
      <Radio.Group
        value={value ?? null}
        onChange={onChange}
        label={
          <Stack gap={2} component="span">
            <Text component="span" size="xs" c="dimmed" fw={500}>
              {t('coach.questionnaire.number', { number, total })}
            </Text>
            <Text component="span" fw={600}>
              {label(`coach.questions.${id}.text`, labelFromId(id))}
            </Text>
          </Stack>
        }
        error={error}
        name={`question-${id}`}
      >
        <Stack gap="xs" mt="sm">
          {options.map((option) => (
            <Radio key={option} value={option} label={label(`coach.questions.${id}.options.${option}`, labelFromId(option))} data-testid={`answer-${id}-${option}`} />
          ))}
        </Stack>
      </Radio.Group>
    </Card>
  )
}

function QuestionnaireForm({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t } = useTranslation()
  const { formatDate } = useFormatters()
  const navigate = useNavigate()
  const save = useSaveAnswers()
  const { questions } = questionnaire
  const [answers, setAnswers] = useState(() => knownAnswers(questions, questionnaire.answers))
  const answered = answeredCount(questions, answers)
  const left = questions.length - answered

  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate(knownAnswers(questions, answers), {
      onSuccess: () => void navigate(paths.coach, { state: { justAssessed: true } satisfies CoachPageState }),
    })
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {/* Stays in view below the app's header while the questions scroll by. */}
        <Card pos="sticky" padding="sm" style={{ top: 'var(--app-shell-header-offset, 0rem)', zIndex: 2 }} data-testid="questionnaire-progress">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={500}>
                {t('coach.questionnaire.progress', { count: questions.length, answered })}
              </Text>
              {questionnaire.answeredAt !== null && (
                <Text size="xs" c="dimmed">
                  {t('coach.questionnaire.lastAnswered', { date: formatDate(questionnaire.answeredAt) })}
                </Text>
              )}
            </Group>
            <Progress
              value={questions.length === 0 ? 0 : (answered / questions.length) * 100}
              size="md"
              color={left === 0 ? 'teal' : 'indigo'}
              aria-label={t('coach.questionnaire.progress', { count: questions.length, answered })}
            />
          </Stack>
        </Card>
        {questions.map((question, index) => (
          <QuestionCard
            key={question.id}
            id={question.id}
            options={question.options}
            number={index + 1}
            total={questions.length}
            value={answers[question.id]}
            error={fieldError(save.error, `answers.${question.id}`)}
            onChange={(option) => setAnswers((current) => ({ ...current, [question.id]: option }))}
          />
        ))}
        <FormAlert error={save.error} fields={questions.map((question) => `answers.${question.id}`)} />
        <Group justify="space-between" align="center" gap="sm">
          <Text size="sm" c="dimmed">
            {left > 0 ? t('coach.questionnaire.left', { count: left }) : t('coach.questionnaire.allAnswered')}
          </Text>
          <Group gap="sm">
            <Button component={Link} to={paths.coach} variant="default" leftSection={<IconArrowBackUp size={16} className="sc-mirror" />}>
              {t('coach.questionnaire.back')}
            </Button>
            <Button type="submit" leftSection={<IconCheck size={16} />} loading={save.isPending} disabled={answered === 0} data-testid="questionnaire-save">
              {t('coach.questionnaire.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  )
}

export function QuestionnairePage() {
  const { t } = useTranslation()
  return (
    <Stack gap="lg" maw={760} data-testid="questionnaire-page">
      <Stack gap={4}>
        <Anchor component={Link} to={paths.coach} size="sm">
          {t('coach.title')}
        </Anchor>
        <Title order={1} fz={26}>
          {t('coach.questionnaire.title')}
        </Title>
        <Text c="dimmed">{t('coach.questionnaire.intro')}</Text>
      </Stack>
      <QueryState query={useQuestionnaire()}>{(questionnaire) => <QuestionnaireForm questionnaire={questionnaire} />}</QueryState>
    </Stack>
  )
}
