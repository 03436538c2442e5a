/** What every step of the plan builder receives: the working copy, a way to change it, and field messages. */
import type { PlanDraft } from './plan-draft'

export interface StepProps {
  draft: PlanDraft
  /**
   * Changes the working copy. `fields` are the paths the change touches (`goals.0.text`); their
   * messages go away, as a field's message does once it is edited. `goals.*` clears every message
   * under `goals` (after a row is removed, later rows' indexes no longer match them).
   */
  change: (update: (draft: PlanDraft) => PlanDraft, ...fields: string[]) => void
  /** The message to show under a field, by its path; undefined when all is well. */
  errorAt: (field: string) => string | undefined
}

/** A copy of a list with one item changed. */
export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, at) => (at === index ? item : current))
}

/** A copy of a list without one item. */
export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, at) => at !== index)
}

/** Whether a change to `fields` clears the message of `path`. */
export function clears(fields: readonly string[], path: string): boolean {
  return fields.some((field) => (field.endsWith('.*') ? path.startsWith(field.slice(0, -1)) : path === field))
}
