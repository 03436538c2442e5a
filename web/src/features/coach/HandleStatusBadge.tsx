/** A handle's status on one network: colour, icon and word together, so colour is never the only sign. */
import { Badge, ThemeIcon } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconHelpCircle, IconUserX, type Icon } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { HandleCheckResponse } from '../../app/coach-types'

export type HandleStatus = HandleCheckResponse['results'][number]['status']

const looks: Record<HandleStatus, { color: string; icon: Icon }> = {
  available: { color: 'teal', icon: IconCircleCheck },
  taken: { color: 'orange', icon: IconUserX },
  invalid: { color: 'red', icon: IconAlertTriangle },
  unknown: { color: 'gray', icon: IconHelpCircle },
}

export function HandleStatusBadge({ status }: { status: HandleStatus }) {
  const { t } = useTranslation()
  const { color, icon: StatusIcon } = looks[status]
  return (
    <Badge color={color} variant="light" leftSection={<StatusIcon size={14} aria-hidden />} radius="sm" data-testid={`handle-status-${status}`}>
      {t(`coach.handles.status.${status}`)}
    </Badge>
  )
}

/** The status's icon alone, for beside a sentence that already says it. */
export function HandleStatusIcon({ status }: { status: HandleStatus }) {
  const { color, icon: StatusIcon } = looks[status]
  return (
    <ThemeIcon size={22} radius="xl" variant="light" color={color} aria-hidden>
      <StatusIcon size={14} />
    </ThemeIcon>
  )
}
