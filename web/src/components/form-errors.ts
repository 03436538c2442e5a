/**
 * Turning API errors into what a form shows: a field's own message under the field, anything
 * else in one alert. The server's message is already in the person's language; only errors that
 * never reached the server need a message from our catalogs.
 */
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../app/api-client'

/** The server's message for one field, if it sent one. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined
  return error.fields.find((problem) => problem.field === field)?.message
}

/** The server's messages for the fields a form shows, by field name. */
export function fieldErrors<const F extends string>(error: unknown, fields: readonly F[]): Partial<Record<F, string>> {
  const found: Partial<Record<F, string>> = {}
  for (const field of fields) found[field] = fieldError(error, field)
  return found
}

/**
 * Whether an error needs the form-level alert: true unless every problem it names belongs to a
 * field the form shows (and so is already written under that field).
 */
export function needsAlert(error: unknown, shownFields: readonly string[]): boolean {
  if (!error) return false
  if (!(error instanceof ApiError) || error.fields.length === 0) return true
  return !error.fields.every((problem) => shownFields.includes(problem.field))
}

/** A readable message for any error: the server's own, or ours when the server could not say. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation()
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.message) return error.message
      if (error instanceof ApiError && error.code === 'network') return t('errors.network')
      return t('errors.unexpected')
    },
    [t],
  )
}
