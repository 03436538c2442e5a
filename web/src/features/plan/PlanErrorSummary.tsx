/**
 * The top of the plan builder when something stops the save: the server's message (or ours, when
 * the browser found the problem first) and every field that needs a look, each a button opening
 * its step, since the field itself may be on another step than the one in view.
 */
import { Alert, Anchor, List, Stack, Text } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { PlanStep } from './plan-draft'

export interface FieldMessage {
  field: string
  step: PlanStep | null
  message: string
}

export interface PlanErrorSummaryProps {
  /** The server's message, already in the person's language; null when the browser stopped the save. */
  message: string | null
  fields: FieldMessage[]
  onOpenStep: (step: PlanStep) => void
}

export function PlanErrorSummary({ message, fields, onOpenStep }: PlanErrorSummaryProps) {
  const { t } = useTranslation()
  if (!message && fields.length === 0) return null
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="plan-errors">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {message ?? t('plan.builder.fixFirst')}
        </Text>
        {fields.length > 0 && (
          <List size="sm" spacing={2}>
            {fields.map(({ field, step, message: fieldMessage }) => (
              <List.Item key={field}>
                {step ? (
                  <Anchor component="button" type="button" size="sm" onClick={() => onOpenStep(step)} data-testid={`plan-error-${field}`}>
                    {t('plan.builder.problemAt', { step: t(`plan.steps.${step}.short`), message: fieldMessage })}
                  </Anchor>
                ) : (
                  fieldMessage
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  )
}
