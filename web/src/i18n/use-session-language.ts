/**
 * On sign-in (or when the session loads), the person's saved language wins over what this
 * device remembered.
 */
import { useEffect } from 'react'
import { useOptionalSession } from '../app/session'
import { switchLanguage } from './i18n'
import { isLanguage } from './languages'

export function useSessionLanguage(): void {
  const saved = useOptionalSession()?.user.locale
  useEffect(() => {
    if (isLanguage(saved)) void switchLanguage(saved)
  }, [saved])
}
