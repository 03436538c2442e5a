/**
 * Stagecraft's restrained Mantine theme: one primary colour, Noto Sans for every script we
 * speak (Latin, Arabic, Hebrew, Bengali; bundled so no system font is needed), soft corners.
 */
import { createTheme } from '@mantine/core'

const fontStack = [
  "'Noto Sans Variable'",
  "'Noto Sans Arabic Variable'",
  "'Noto Sans Hebrew Variable'",
  "'Noto Sans Bengali Variable'",
  'system-ui',
  'sans-serif',
].join(', ')

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 5 },
  fontFamily: fontStack,
  headings: { fontFamily: fontStack, fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
  },
})
