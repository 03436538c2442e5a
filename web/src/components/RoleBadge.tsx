/** A workspace role as a small coloured badge. */
import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Role } from '../app/api-types'

const roleColors: Record<Role, string> = { owner: 'grape', admin: 'indigo', editor: 'teal', viewer: 'gray' }

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation()
  return (
    <Badge color={roleColors[role]} variant="light" radius="sm">
      {t(`roles.${role}`)}
    </Badge>
  )
}
