/** Logging in with e-mail and password; the guard then returns the person where they were going. */
import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionPayload } from '../../app/api-types'
import { PublicLayout } from '../../app/PublicLayout'
import { api } from '../../app/query-client'
import { useSessionUpdates } from '../../app/session'
import { FormAlert } from '../../components/FormAlert'
import { PasswordField } from '../../components/PasswordField'
import { required, useForm } from '../../components/use-form'

const fields = ['email', 'password'] as const

export function LoginPage() {
  const { t } = useTranslation()
  const { signedIn } = useSessionUpdates()
  const form = useForm({ email: '', password: '' }, { email: [required], password: [required] })
  const login = useMutation({
    mutationFn: (credentials: { email: string; password: string }) => api.post<SessionPayload>('/api/session', credentials),
    onSuccess: signedIn,
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!form.validate()) return
    login.mutate({ email: form.values.email.trim(), password: form.values.password })
  }

  return (
    <PublicLayout width={420}>
      <Stack gap="xs" mb="lg">
        <Title order={1} fz={28}>
          {t('login.title')}
        </Title>
        <Text c="dimmed">{t('login.intro')}</Text>
      </Stack>
      <Paper withBorder shadow="sm" p="xl" component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            {...form.field('email', login.error)}
            data-testid="login-email"
          />
          <PasswordField
            label={t('fields.password')}
            autoComplete="current-password"
            {...form.field('password', login.error)}
            data-testid="login-password"
          />
          <FormAlert error={login.error} fields={fields} />
          <Button type="submit" size="md" loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Stack>
      </Paper>
      <Text c="dimmed" size="sm" ta="center" mt="lg">
        {t('login.noAccount')}
      </Text>
    </PublicLayout>
  )
}
