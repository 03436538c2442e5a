/**
 * A short guide to the query language, folded under the query field: each construct with an
 * example. The examples are query syntax (operators are always written AND, OR, NOT), so they
 * stay as they are in every language; what they mean is translated.
 */
import { Anchor, Code, Collapse, Stack, Table, Text } from '@mantine/core'
import { IconHelp } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

const examples = [
  { code: 'café lune', meaning: 'words' },
  { code: '"café lune"', meaning: 'phrase' },
  { code: 'lune OR luna', meaning: 'or' },
  { code: 'café AND (lune OR luna)', meaning: 'group' },
  { code: 'café NOT starbucks', meaning: 'not' },
  { code: 'café -starbucks', meaning: 'minus' },
  { code: 'caf*', meaning: 'wildcard' },
  { code: '#cafelune', meaning: 'hashtag' },
  { code: '@cafelune', meaning: 'handle' },
  { code: 'site:example.com', meaning: 'site' },
  { code: 'lang:ar', meaning: 'lang' },
  { code: 'author:cafelune.bsky.social', meaning: 'author' },
] as const

export function QuerySyntaxHelp() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <Stack gap="xs">
      <Anchor component="button" type="button" size="sm" ta="start" onClick={() => setOpen((current) => !current)} aria-expanded={open} data-testid="query-help-toggle">
        <IconHelp size={14} style={{ verticalAlign: 'middle', marginInlineEnd: 4 }} aria-hidden />
        {t('listen.syntax.toggle')}
      </Anchor>
      <Collapse expanded={open}>
        <Stack gap="xs" data-testid="query-help">
          <Table withRowBorders={false} verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {examples.map((example) => (
                <Table.Tr key={example.code}>
                  <Table.Td w="40%">
                    <Code dir="ltr">{example.code}</Code>
                  </Table.Td>
                  <Table.Td>{t(`listen.syntax.${example.meaning}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t('listen.syntax.folding')}
          </Text>
        </Stack>
      </Collapse>
    </Stack>
  )
}
