/** A snippet to paste into a website: its label and hint, the code (always left to right) and a copy button. */
import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export interface CodeSnippetProps {
  label: string
  hint?: string
  code: string
  'data-testid': string
}

export function CodeSnippet({ label, hint, code, 'data-testid': testId }: CodeSnippetProps) {
  const { t } = useTranslation()
  return (
    <Stack gap={6} data-testid={testId}>
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap="sm">
        <Stack gap={2} miw={0}>
          <Text size="sm" fw={600}>
            {label}
          </Text>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </Stack>
        <CopyButton value={code} timeout={2000}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              onClick={copy}
              style={{ flexShrink: 0 }}
              data-testid={`${testId}-copy`}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      {/* Code reads left to right in every language; it wraps rather than scrolling off the card. */}
      <Code block dir="ltr" ta="left" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid={`${testId}-code`}>
        {code}
      </Code>
    </Stack>
  )
}
