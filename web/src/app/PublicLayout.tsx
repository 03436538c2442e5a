/**
 * The frame of the pages seen before signing in (setup, login, accepting an invite): the brand at
 * the start, the language switcher in the top corner, and the page's card in the middle.
 */
import { Box, Container, Group } from '@mantine/core'
import type { ReactNode } from 'react'
import { LanguageSwitcher } from '../i18n/LanguageSwitcher'
import { Brand } from './Brand'

export interface PublicLayoutProps {
  children: ReactNode
  /** Widest the content grows, in pixels. */
  width?: number
}

export function PublicLayout({ children, width = 460 }: PublicLayoutProps) {
  return (
    <Box mih="100vh">
      <Group justify="space-between" px="lg" py="md" component="header">
        <Brand />
        <LanguageSwitcher />
      </Group>
      <Container component="main" size={width} pt="xl" pb={64} px="md">
        {children}
      </Container>
    </Box>
  )
}
