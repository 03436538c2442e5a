/** Choosing a role for an invite, an API key or a member, among the roles the person may grant. */
import { Select, type SelectProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Role } from '../app/api-types'

/** The role a new invite or API key starts with: editor if allowed, else the most modest one offered. */
export function defaultRoleFor(assignable: readonly Role[]): Role | null {
  if (assignable.includes('editor')) return 'editor'
  return assignable.at(-1) ?? null
}

export interface RoleSelectProps extends Omit<SelectProps<Role>, 'data' | 'value' | 'onChange'> {
  roles: readonly Role[]
  value: Role | null
  onChange: (role: Role) => void
  /** Shows what the chosen role may do under the field. */
  withHint?: boolean
}

export function RoleSelect({ roles, value, onChange, withHint = false, ...props }: RoleSelectProps) {
  const { t } = useTranslation()
  return (
    <Select<Role>
      allowDeselect={false}
      data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      value={value}
      onChange={(role) => {
        if (role) onChange(role)
      }}
      description={withHint && value ? t(`roleHints.${value}`) : undefined}
      {...props}
    />
  )
}
