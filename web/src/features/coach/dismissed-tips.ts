/**
 * Which myth tips a person has closed on this device. A tip says its piece once; it should not
 * come back on every visit. Kept in localStorage (a nicety, not data worth a server round trip).
 */
import type { Myth } from './coach-logic'

const storageKey = 'sc_dismissed_tips'

/** The part of `Storage` this needs, so a test can pass its own. */
export type TipStorage = Pick<Storage, 'getItem' | 'setItem'>

function browserStorage(): TipStorage | null {
  try {
    return window.localStorage
  } catch {
    // Storage can be disabled (private modes, strict policies): the tip then closes for the visit only.
    return null
  }
}

/** The myths whose tip was closed. */
export function dismissedTips(storage: TipStorage | null = browserStorage()): Set<string> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(storageKey) ?? '[]')
    return new Set(Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [])
  } catch {
    return new Set()
  }
}

/** Remembers that a myth's tip was closed. */
export function dismissTip(myth: Myth, storage: TipStorage | null = browserStorage()): void {
  const dismissed = dismissedTips(storage)
  dismissed.add(myth)
  try {
    storage?.setItem(storageKey, JSON.stringify([...dismissed]))
  } catch {
    // A full or refused storage only means the tip may show again next time.
  }
}
