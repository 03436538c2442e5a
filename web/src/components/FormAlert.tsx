/** The alert above a form's buttons for errors that belong to no single field. */
import { Alert } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { needsAlert, useErrorMessage } from './form-errors'

export interface FormAlertProps {
  error: unknown
  /** Fields the form shows, whose errors are written under them instead. */
  fields?: readonly string[]
}

export function FormAlert({ error, fields = [] }: FormAlertProps) {
  const message = useErrorMessage()
  if (!needsAlert(error, fields)) return null
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
      {message(error)}
    </Alert>
  )
}
