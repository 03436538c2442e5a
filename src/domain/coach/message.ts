/**
 * Builds the coach's sentences: a catalog key and its params, never text, so the rules stay free
 * of any language and the server translates in the reader's language.
 */
import type { Message } from './types.js'

/** A `Message` for `key` (a server catalog key under `coach.`) with its params. */
export function message(key: string, params: Record<string, string | number> = {}): Message {
  return { key, params }
}

/** `part / whole` as a whole percent (0 when `whole` is 0). */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0
}
