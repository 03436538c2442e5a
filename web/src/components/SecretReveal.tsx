/**
 * A value the server shows only once (an invite link, an API key's secret): read-only, always
 * left-to-right, with a copy button.
 */
import { Button, CopyButton, Group, TextInput } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

const monospaceInput = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } }

export interface SecretRevealProps {
  label: string
  value: string
  'data-testid': string
}

export function SecretReveal({ label, value, 'data-testid': testId }: SecretRevealProps) {
  const { t } = useTranslation()
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        dir="ltr"
        style={{ flex: 1 }}
        styles={monospaceInput}
        data-testid={testId}
        onFocus={(event) => event.currentTarget.select()}
      />
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Button
            variant={copied ? 'filled' : 'light'}
            color={copied ? 'teal' : undefined}
            leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            onClick={copy}
            data-testid={`${testId}-copy`}
          >
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  )
}
