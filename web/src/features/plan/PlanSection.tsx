/** One part of a plan on the read-only pages: a card with its title, an optional line under it, and its content. */
import { Card, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface PlanSectionProps {
  title: string
  hint?: string
  children: ReactNode
  'data-testid'?: string
}

export function PlanSection({ title, hint, children, 'data-testid': testId }: PlanSectionProps) {
  return (
    <Card component="section" data-testid={testId}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} fz={18}>
            {title}
          </Title>
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Card>
  )
}

/** Text the owner wrote, in its own direction and with its line breaks; a quiet dash when empty. */
export function OwnerText({ text, 'data-testid': testId }: { text: string; 'data-testid'?: string }) {
  const { t } = useTranslation()
  if (!text.trim()) {
    return (
      <Text size="sm" c="dimmed" fs="italic" data-testid={testId}>
        {t('plan.view.notFilled')}
      </Text>
    )
  }
  return (
    <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
      {text}
    </Text>
  )
}
