/**
 * Texts of the influence and equity scores. Their keys are named by the API (a part's key, an
 * input's name), so they are only known at run time and the type checker cannot vouch for them;
 * a key the catalog lacks gives null, and the caller shows something plainer instead.
 */
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

export type ScoreText = (key: string, values?: Record<string, number>) => string | null

export function useScoreText(): ScoreText {
  const { t, i18n } = useTranslation()
  return useCallback(
    // The typed `t` accepts only keys known at compile time; this is the one place that looks up the scores' keys.
    (key: string, values?: Record<string, number>) => (i18n.exists(key) ? (t as unknown as (key: string, values?: Record<string, number>) => string)(key, values) : null),
    [t, i18n],
  )
}
