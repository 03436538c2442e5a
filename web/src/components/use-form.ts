/**
 * A small form state hook: text values, checks run on submit with messages from our catalogs,
 * and a field's message cleared as soon as it is edited. Server-side field errors are merged in
 * by the form (see `fieldError`), since only the server knows some problems.
 */
import { useCallback, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldError } from './form-errors'

/** The shortest password the server accepts; shown to people as the rule. */
export const minPasswordLength = 10

export type Problem = 'required' | 'email' | 'passwordLength' | 'passwordsDiffer'
export type Check<T> = (value: string, values: T) => Problem | null

export const required: Check<unknown> = (value) => (value.trim() ? null : 'required')
export const email: Check<unknown> = (value) => (/^[^\s@]+@[^\s@]+$/.test(value.trim()) ? null : 'email')
export const strongPassword: Check<unknown> = (value) => (value.length >= minPasswordLength ? null : 'passwordLength')

export type Values = Record<string, string>

export function useForm<T extends Values>(initial: T, checks: Partial<Record<keyof T, Array<Check<T>>>> = {}) {
  const { t } = useTranslation()
  const [values, setValues] = useState<T>(initial)
  const [problems, setProblems] = useState<Partial<Record<keyof T, Problem>>>({})

  const messageOf = (problem: Problem): string =>
    problem === 'passwordLength' ? t('validation.passwordLength', { min: minPasswordLength }) : t(`validation.${problem}`)

  const setValue = useCallback((name: keyof T, value: string) => {
    setValues((current) => ({ ...current, [name]: value }))
    setProblems((current) => ({ ...current, [name]: undefined }))
  }, [])

  /**
   * Props for a text input: its value, change handler and message: our own check's first, else
   * what the server said about this field in `serverError`.
   */
  const field = (name: keyof T & string, serverError?: unknown) => {
    const problem = problems[name]
    return {
      value: values[name],
      onChange: (event: ChangeEvent<HTMLInputElement>) => setValue(name, event.currentTarget.value),
      error: problem ? messageOf(problem) : fieldError(serverError, name),
    }
  }

  /** Runs every check; true when the form may be sent. */
  const validate = (): boolean => {
    const found: Partial<Record<keyof T, Problem>> = {}
    for (const name of Object.keys(checks) as Array<keyof T>) {
      for (const check of checks[name] ?? []) {
        const problem = check(values[name] ?? '', values)
        if (problem) {
          found[name] = problem
          break
        }
      }
    }
    setProblems(found)
    return Object.keys(found).length === 0
  }

  return { values, setValue, setValues, field, validate }
}
