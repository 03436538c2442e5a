/**
 * The state of a page opened from a shared link: a loader, the page, or, when the link is unknown
 * or no longer shared, a kind explanation instead of an error (the reader did nothing wrong).
 */
import { Alert } from '@mantine/core'
import { IconLinkOff } from '@tabler/icons-react'
import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../app/api-client'
import { QueryState } from '../../components/QueryState'

export interface SharedQueryStateProps<T> {
  query: UseQueryResult<T>
  children: (data: T) => ReactNode
}

export function SharedQueryState<T>({ query, children }: SharedQueryStateProps<T>) {
  const { t } = useTranslation()
  if (query.isError && query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 410)) {
    return (
      <Alert color="gray" variant="light" icon={<IconLinkOff size={18} />} title={t('plan.shared.goneTitle')} data-testid="shared-gone">
        {t('plan.shared.gone')}
      </Alert>
    )
  }
  return <QueryState query={query}>{children}</QueryState>
}
