/**
 * Everything the app runs inside: i18next, Mantine (theme and text direction), TanStack Query,
 * the router and success notices.
 */
import { DirectionProvider, MantineProvider } from '@mantine/core'
import { QueryClientProvider } from '@tanstack/react-query'
import type { i18n as I18n } from 'i18next'
import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { BrowserRouter } from 'react-router'
import { currentLanguage } from '../i18n/i18n'
import { directionOf } from '../i18n/languages'
import { NoticeProvider } from './Notices'
import { queryClient } from './query-client'
import { theme } from './theme'

export function AppProviders({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      {/* Mantine follows <html dir>, which every language change sets. */}
      <DirectionProvider initialDirection={directionOf(currentLanguage())} detectDirection>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <NoticeProvider>{children}</NoticeProvider>
            </BrowserRouter>
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  )
}
