/**
 * The one rule that matters, while a post is written: every post must give its audience
 * something of value. Once the typing pauses, the coach's hints for the draft appear here:
 * gentle suggestions that never block saving and never look like errors.
 */
import { Alert, List, Text } from '@mantine/core'
import { IconBulb } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useValueCheck } from './coach-queries'

export interface ValueHintsProps {
  text: string
  /** The 4E chosen for the post, if any. */
  contentType: string | null
}

export function ValueHints({ text, contentType }: ValueHintsProps) {
  const { t } = useTranslation()
  const check = useValueCheck(text, contentType)
  const hints = check.data?.hints ?? []
  // Hints kept from an earlier draft mean nothing once the text is gone.
  if (text.trim() === '' || hints.length === 0) return null
  return (
    // A status, not an alert: the hints are advice read when the writer looks, never an interruption.
    <Alert variant="light" color="indigo" icon={<IconBulb size={18} />} title={t('coach.value.title')} role="status" data-testid="value-hints">
      {hints.length === 1 ? (
        <Text size="sm" data-testid={`value-hint-${hints[0]!.rule}`}>
          {hints[0]!.text}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {hints.map((hint, index) => (
            <List.Item key={`${hint.rule}-${index}`} data-testid={`value-hint-${hint.rule}`}>
              {hint.text}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  )
}
