/**
 * The list tables of settings (members, invites, API keys): column headings, a last column for
 * row actions (named for screen readers), and sideways scrolling on narrow screens.
 */
import { Table, VisuallyHidden } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface DataTableProps {
  headings: readonly string[]
  /** Narrowest the table gets before it scrolls sideways, in pixels. */
  minWidth: number
  'data-testid': string
  /** The rows (`Table.Tr`), each ending with its actions cell. */
  children: ReactNode
}

export function DataTable({ headings, minWidth, 'data-testid': testId, children }: DataTableProps) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {headings.map((heading) => (
              <Table.Th key={heading}>{heading}</Table.Th>
            ))}
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
