/**
 * First run: creates the owner's account and the workspace in one form, then signs the owner in.
 * Shown whenever the server says setup is still needed.
 */
import { Button, Divider, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionPayload } from '../../app/api-types'
import { PublicLayout } from '../../app/PublicLayout'
import { api } from '../../app/query-client'
import { useSessionUpdates } from '../../app/session'
import { FormAlert } from '../../components/FormAlert'
import { fieldErrors } from '../../components/form-errors'
import { LanguageSelect } from '../../components/LanguageSelect'
import { PasswordField } from '../../components/PasswordField'
import { browserTimeZone, TimeZoneSelect } from '../../components/TimeZoneSelect'
import { email, minPasswordLength, required, strongPassword, useForm } from '../../components/use-form'
import { defaultLanguage, isLanguage, type Language } from '../../i18n/languages'

interface SetupRequest {
  businessName: string
  timeZone: string
  locale: Language
  name: string
  email: string
  password: string
}

const fields = ['businessName', 'timeZone', 'locale', 'name', 'email', 'password'] as const

export function SetupPage() {
  const { t, i18n } = useTranslation()
  const uiLanguage = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLanguage
  const { signedIn } = useSessionUpdates()
  const headingId = useId()
  const [timeZone, setTimeZone] = useState(browserTimeZone)
  // The workspace language follows the UI language until the owner picks one here.
  const [chosenLocale, setLocale] = useState<Language | null>(null)
  const locale = chosenLocale ?? uiLanguage
  const form = useForm(
    { businessName: '', name: '', email: '', password: '' },
    { businessName: [required], name: [required], email: [required, email], password: [strongPassword] },
  )
  const setup = useMutation({
    mutationFn: (request: SetupRequest) => api.post<SessionPayload>('/api/setup', request),
    onSuccess: signedIn,
  })

  const serverErrors = fieldErrors(setup.error, fields)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!form.validate()) return
    setup.mutate({ ...form.values, businessName: form.values.businessName.trim(), name: form.values.name.trim(), email: form.values.email.trim(), timeZone, locale })
  }

  return (
    <PublicLayout width={520}>
      <Stack gap="xs" mb="lg">
        <Title order={1} fz={28}>
          {t('setup.title')}
        </Title>
        <Text c="dimmed">{t('setup.intro')}</Text>
      </Stack>
      <Paper withBorder shadow="sm" p="xl" component="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
        <Stack gap="md">
          <Title order={2} fz="lg" id={headingId}>
            {t('setup.businessSection')}
          </Title>
          <TextInput
            label={t('setup.businessName')}
            withAsterisk
            autoComplete="organization"
            {...form.field('businessName', setup.error)}
            data-testid="setup-business-name"
          />
          <TimeZoneSelect
            label={t('fields.timeZone')}
            description={t('setup.timeZoneHint')}
            value={timeZone}
            onChange={setTimeZone}
            error={serverErrors.timeZone}
            data-testid="setup-time-zone"
          />
          <LanguageSelect
            label={t('fields.language')}
            description={t('setup.languageHint')}
            value={locale}
            onChange={setLocale}
            error={serverErrors.locale}
            data-testid="setup-language"
          />
          <Divider my="xs" />
          <Title order={2} fz="lg">
            {t('setup.ownerSection')}
          </Title>
          <TextInput label={t('fields.yourName')} withAsterisk autoComplete="name" {...form.field('name', setup.error)} data-testid="setup-name" />
          <TextInput
            label={t('fields.email')}
            type="email"
            withAsterisk
            autoComplete="email"
            {...form.field('email', setup.error)}
            data-testid="setup-email"
          />
          <PasswordField
            label={t('fields.password')}
            description={t('fields.passwordRule', { min: minPasswordLength })}
            withAsterisk
            autoComplete="new-password"
            {...form.field('password', setup.error)}
            data-testid="setup-password"
          />
          <FormAlert error={setup.error} fields={fields} />
          <Button type="submit" size="md" loading={setup.isPending} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Stack>
      </Paper>
    </PublicLayout>
  )
}
