/**
 * Changing the UI language: switch, remember it on this device, and when signed in also save it
 * to the person's profile (`PATCH /api/me`), so it follows them to other devices.
 */
import { useCallback } from 'react'
import type { User } from '../app/api-types'
import { api } from '../app/query-client'
import { useOptionalSession, useSessionUpdates } from '../app/session'
import { switchLanguage } from './i18n'
import type { Language } from './languages'

export function useChangeLanguage(): (language: Language) => Promise<void> {
  const signedIn = useOptionalSession() !== null
  const { userChanged } = useSessionUpdates()
  return useCallback(
    async (language: Language) => {
      await switchLanguage(language)
      if (!signedIn) return
      try {
        const { user } = await api.patch<{ user: User }>('/api/me', { locale: language })
        userChanged(user)
      } catch {
        // The screen already speaks the new language; only the saved preference lags behind,
        // and the next switch or profile save will store it.
      }
    },
    [signedIn, userChanged],
  )
}
