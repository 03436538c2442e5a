/** Changing one's password: the current one, then the new one twice. */
import { Button, Card, Group, Stack, Title } from '@mantine/core'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../../app/Notices'
import { FormAlert } from '../../components/FormAlert'
import { PasswordField } from '../../components/PasswordField'
import { minPasswordLength, required, strongPassword, useForm, type Check } from '../../components/use-form'
import { useChangePassword } from './settings-queries'

const fields = ['currentPassword', 'newPassword'] as const
const empty = { currentPassword: '', newPassword: '', confirmPassword: '' }
const matches: Check<typeof empty> = (value, values) => (value === values.newPassword ? null : 'passwordsDiffer')

export function PasswordForm() {
  const { t } = useTranslation()
  const notify = useNotice()
  const change = useChangePassword()
  const form = useForm(empty, {
    currentPassword: [required],
    newPassword: [strongPassword],
    confirmPassword: [matches],
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!form.validate()) return
    const { currentPassword, newPassword } = form.values
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.setValues(empty)
          notify(t('settings.password.changed'))
        },
      },
    )
  }

  return (
    <Card component="form" onSubmit={submit} noValidate>
      <Stack gap="md" maw={520}>
        <Title order={2} fz="lg">
          {t('settings.password.title')}
        </Title>
        <PasswordField
          label={t('settings.password.current')}
          autoComplete="current-password"
          {...form.field('currentPassword', change.error)}
          data-testid="password-current"
        />
        <PasswordField
          label={t('settings.password.new')}
          description={t('fields.passwordRule', { min: minPasswordLength })}
          autoComplete="new-password"
          {...form.field('newPassword', change.error)}
          data-testid="password-new"
        />
        <PasswordField
          label={t('settings.password.confirm')}
          autoComplete="new-password"
          {...form.field('confirmPassword')}
          data-testid="password-confirm"
        />
        <FormAlert error={change.error} fields={fields} />
        <Group>
          <Button type="submit" loading={change.isPending} data-testid="password-save">
            {t('settings.password.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
