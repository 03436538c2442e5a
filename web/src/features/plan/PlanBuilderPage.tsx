/**
 * The plan builder (/coach/plan/edit): the seven steps of a social media plan as a guided form,
 * started from the saved plan or an empty one. The whole working copy lives here, above the
 * steps, so moving between steps or a refused save never loses what was typed. Problems found in
 * the browser and those the server names (`goals.0.target`, `mix`) are shown under their fields
 * and listed at the top, each opening its step; saving leads to the living plan.
 */
import { Button, Group, Stack, Stepper, Text, Title } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconArrowLeft, IconArrowRight, IconDeviceFloppy } from '@tabler/icons-react'
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ApiError } from '../../app/api-client'
import type { Plan } from '../../app/coach-types'
import { useNotice } from '../../app/Notices'
import { paths } from '../../app/paths'
import { useErrorMessage } from '../../components/form-errors'
import { QueryState } from '../../components/QueryState'
import { FuelStep } from './FuelStep'
import { GoalsStep } from './GoalsStep'
import { LandscapeStep } from './LandscapeStep'
import { MeasuresStep } from './MeasuresStep'
import { MixStep } from './MixStep'
import { PlanErrorSummary, type FieldMessage } from './PlanErrorSummary'
import { draftFromPlan, draftToPlan, fieldPath, planSteps, stepOfField, type DraftProblem, type DraftProblems, type PlanStep } from './plan-draft'
import { usePlan, useSavePlan } from './plan-queries'
import { RisksStep } from './RisksStep'
import { clears, type StepProps } from './step-props'
import { ToolsStep } from './ToolsStep'

const stepComponents: Record<PlanStep, (props: StepProps) => ReactNode> = {
  goals: GoalsStep,
  landscape: LandscapeStep,
  mix: MixStep,
  tools: ToolsStep,
  measures: MeasuresStep,
  fuel: FuelStep,
  risks: RisksStep,
}

function without<V>(messages: Record<string, V>, fields: readonly string[]): Record<string, V> {
  const kept = Object.entries(messages).filter(([path]) => !clears(fields, path))
  return kept.length === Object.keys(messages).length ? messages : Object.fromEntries(kept)
}

/** The step of the first field in the order of the steps, to open after a refused save. */
function firstStep(fields: readonly string[]): number | null {
  const indexes = fields.map((field) => stepOfField(field)).filter((step) => step !== null).map((step) => planSteps.indexOf(step))
  return indexes.length ? Math.min(...indexes) : null
}

function PlanBuilder({ initial }: { initial: Plan | null }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const notify = useNotice()
  const errorMessage = useErrorMessage()
  const save = useSavePlan()
  const narrow = useMediaQuery('(max-width: 48em)')
  const [draft, setDraft] = useState(() => draftFromPlan(initial))
  const [active, setActive] = useState(0)
  const [problems, setProblems] = useState<DraftProblems>({})
  const [serverFields, setServerFields] = useState<Record<string, string>>({})
  const [refusals, setRefusals] = useState(0)
  const summaryRef = useRef<HTMLDivElement>(null)
  const stepTitleId = useId()

  // After a refused save, bring the list of problems into view: the save button is at the bottom.
  useEffect(() => {
    if (refusals > 0) summaryRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })
  }, [refusals])

  const problemMessage = (problem: DraftProblem): string => (problem === 'required' ? t('validation.required') : t(`plan.validation.${problem}`))

  const change: StepProps['change'] = (update, ...fields) => {
    setDraft(update)
    if (fields.length === 0) return
    setProblems((current) => without(current, fields))
    setServerFields((current) => without(current, fields))
  }

  const errorAt = (field: string): string | undefined => {
    const problem = problems[field]
    return problem ? problemMessage(problem) : serverFields[field]
  }

  const messages: FieldMessage[] = [
    ...Object.entries(problems).map(([field, problem]) => ({ field, step: stepOfField(field), message: problemMessage(problem) })),
    ...Object.entries(serverFields)
      .filter(([field]) => !problems[field])
      .map(([field, message]) => ({ field, step: stepOfField(field), message })),
  ].sort((a, b) => (a.step ? planSteps.indexOf(a.step) : planSteps.length) - (b.step ? planSteps.indexOf(b.step) : planSteps.length))
  const stepsWithProblems = new Set(messages.map((entry) => entry.step))

  // The server's own words stay at the top while they still apply: until every field it named is
  // fixed, or for good when it named none (a lost connection, say).
  const saveError = save.error
  const serverNamedFields = saveError instanceof ApiError && saveError.fields.length > 0
  const topMessage = saveError && (!serverNamedFields || Object.keys(serverFields).length > 0) ? errorMessage(saveError) : null

  const refuse = (fields: readonly string[]) => {
    const step = firstStep(fields)
    if (step !== null) setActive(step)
    setRefusals((count) => count + 1)
  }

  const submit = () => {
    const result = draftToPlan(draft)
    if (result.problems) {
      save.reset()
      setServerFields({})
      setProblems(result.problems)
      refuse(Object.keys(result.problems))
      return
    }
    setProblems({})
    save.mutate(result.plan, {
      onSuccess: () => {
        notify(t('plan.builder.saved'))
        void navigate(paths.coachPlan)
      },
      onError: (error) => {
        const fields = error instanceof ApiError ? error.fields : []
        setServerFields(Object.fromEntries(fields.map((problem) => [fieldPath(problem.field), problem.message])))
        refuse(fields.map((problem) => fieldPath(problem.field)))
      },
    })
  }

  const step = planSteps[active]!
  const StepContent = stepComponents[step]
  const last = active === planSteps.length - 1

  return (
    <Stack gap="lg" maw={1000} data-testid="plan-builder">
      <Stack gap={4}>
        <Title order={1} fz={26}>
          {initial ? t('plan.builder.editTitle') : t('plan.builder.newTitle')}
        </Title>
        <Text c="dimmed">{t('plan.builder.intro')}</Text>
      </Stack>
      <div ref={summaryRef}>
        <PlanErrorSummary message={topMessage} fields={messages} onOpenStep={(target) => setActive(planSteps.indexOf(target))} />
      </div>
      <Stepper active={active} onStepClick={setActive} size="sm" data-testid="plan-stepper">
        {planSteps.map((id, index) => (
          <Stepper.Step
            key={id}
            label={narrow ? undefined : t(`plan.steps.${id}.short`)}
            description={stepsWithProblems.has(id) ? t('plan.builder.needsLook') : undefined}
            color={stepsWithProblems.has(id) ? 'red' : undefined}
            aria-label={t('plan.builder.stepOf', { number: index + 1, total: planSteps.length, name: t(`plan.steps.${id}.title`) })}
            data-testid={`plan-step-${id}`}
          />
        ))}
      </Stepper>
      <Stack gap="md" component="section" aria-labelledby={stepTitleId}>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('plan.builder.stepCount', { number: active + 1, total: planSteps.length })}
          </Text>
          <Title order={2} fz={20} id={stepTitleId}>
            {t(`plan.steps.${step}.title`)}
          </Title>
          <Text size="sm">{t(`plan.steps.${step}.intro`)}</Text>
        </Stack>
        <StepContent draft={draft} change={change} errorAt={errorAt} />
      </Stack>
      <Group justify="space-between" gap="sm">
        <Button component={Link} to={paths.coachPlan} variant="subtle" color="gray" data-testid="plan-cancel">
          {t('common.cancel')}
        </Button>
        <Group gap="sm">
          {active > 0 && (
            <Button variant="default" leftSection={<IconArrowLeft size={16} className="sc-mirror" />} onClick={() => setActive(active - 1)} data-testid="plan-back">
              {t('plan.builder.back')}
            </Button>
          )}
          {!last && (
            <Button variant="light" rightSection={<IconArrowRight size={16} className="sc-mirror" />} onClick={() => setActive(active + 1)} data-testid="plan-next">
              {t('plan.builder.next')}
            </Button>
          )}
          <Button
            variant={last ? 'filled' : 'default'}
            leftSection={<IconDeviceFloppy size={16} />}
            loading={save.isPending}
            onClick={submit}
            data-testid="plan-save"
          >
            {t('plan.builder.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  )
}

export function PlanBuilderPage() {
  const plan = usePlan()
  return <QueryState query={plan}>{(data) => <PlanBuilder initial={data.plan} />}</QueryState>
}
