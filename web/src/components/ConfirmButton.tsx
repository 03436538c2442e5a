/** A button for something that cannot be undone: it asks once more in a dialog before acting. */
import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormAlert } from './FormAlert'

export interface ConfirmButtonProps extends Omit<ButtonProps, 'children' | 'onClick'> {
  label: string
  title: string
  message: string
  confirmLabel: string
  /** Runs the action; the dialog closes when it resolves and shows the error when it rejects. */
  onConfirm: () => Promise<unknown>
  'data-testid'?: string
}

type DialogState = { opened: false } | { opened: true; pending: boolean; error: unknown }

export function ConfirmButton({ label, title, message, confirmLabel, onConfirm, 'data-testid': testId, ...buttonProps }: ConfirmButtonProps) {
  const { t } = useTranslation()
  const [state, setState] = useState<DialogState>({ opened: false })
  const close = () => setState({ opened: false })
  const confirm = () => {
    setState({ opened: true, pending: true, error: null })
    onConfirm().then(close, (error: unknown) => setState({ opened: true, pending: false, error }))
  }
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        size="xs"
        onClick={() => setState({ opened: true, pending: false, error: null })}
        data-testid={testId}
        {...buttonProps}
      >
        {label}
      </Button>
      <Modal opened={state.opened} onClose={close} title={title} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <Text size="sm">{message}</Text>
          {state.opened && <FormAlert error={state.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={state.opened && state.pending}
              onClick={confirm}
              data-testid={testId ? `${testId}-confirm` : undefined}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
