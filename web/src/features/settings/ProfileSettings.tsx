/** The signed-in person's own settings: name, language and password. */
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { User } from '../../app/api-types'
import { useNotice } from '../../app/Notices'
import { useSession } from '../../app/session'
import { FormAlert } from '../../components/FormAlert'
import { fieldErrors } from '../../components/form-errors'
import { LanguageSelect } from '../../components/LanguageSelect'
import { required, useForm } from '../../components/use-form'
import { currentLanguage, switchLanguage } from '../../i18n/i18n'
import { isLanguage, type Language } from '../../i18n/languages'
import { PasswordForm } from './PasswordForm'
import { useUpdateProfile } from './settings-queries'

const fields = ['name', 'locale'] as const

function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation()
  const notify = useNotice()
  const update = useUpdateProfile()
  const form = useForm({ name: user.name }, { name: [required] })
  // Someone who never chose a language sees the one on screen now.
  const [savedLocale] = useState<Language>(() => (isLanguage(user.locale) ? user.locale : currentLanguage()))
  const [locale, setLocale] = useState(savedLocale)
  const name = form.values.name.trim()
  const changed = name !== user.name || locale !== savedLocale

  const serverErrors = fieldErrors(update.error, fields)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!form.validate()) return
    update.mutate(
      { name, locale },
      {
        onSuccess: () => {
          void switchLanguage(locale)
          notify(t('settings.profile.saved'))
        },
      },
    )
  }

  return (
    <Card component="form" onSubmit={submit} noValidate>
      <Stack gap="md" maw={520}>
        <Title order={2} fz="lg">
          {t('settings.profile.title')}
        </Title>
        <TextInput label={t('fields.yourName')} autoComplete="name" {...form.field('name', update.error)} data-testid="profile-name" />
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('fields.email')}
          </Text>
          <Text size="sm" c="dimmed">
            {/* An address reads left to right, but sits on the start side like the text around it. */}
            <span dir="ltr">{user.email}</span>
          </Text>
        </Stack>
        <LanguageSelect
          label={t('fields.language')}
          description={t('settings.profile.languageHint')}
          value={locale}
          onChange={setLocale}
          error={serverErrors.locale}
          data-testid="profile-language"
        />
        <FormAlert error={update.error} fields={fields} />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!changed} data-testid="profile-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}

export function ProfileSettings() {
  const { user } = useSession()
  return (
    <Stack gap="lg">
      <ProfileForm key={`${user.id}:${user.name}:${user.locale ?? ''}`} user={user} />
      <PasswordForm />
    </Stack>
  )
}
