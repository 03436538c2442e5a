/**
 * Labels for ids the API chooses (question and option ids): their catalog keys are only known at
 * run time, so the type checker cannot vouch for them. A key the catalog lacks falls back to a
 * readable form of the id instead of showing the raw key.
 */
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

/** A function giving the text of a catalog key built at run time, or the fallback when there is none. */
export function useDynamicLabel(): (key: string, fallback: string) => string {
  const { t, i18n } = useTranslation()
  return useCallback(
    // The typed `t` accepts only keys known at compile time; this is the one place that looks up others.
    (key: string, fallback: string) => (i18n.exists(key) ? (t as unknown as (key: string) => string)(key) : fallback),
    [t, i18n],
  )
}
