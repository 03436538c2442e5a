/**
 * Accepting an invite link: says which workspace, which role and who invited, then creates the
 * account (or checks an existing one's password) and signs the person in to that workspace.
 * Used, expired or revoked links show the server's own explanation.
 */
import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import type { InvitePreview } from '../../app/api-types'
import { PublicLayout } from '../../app/PublicLayout'
import { paths } from '../../app/paths'
import { useSessionUpdates } from '../../app/session'
import { FormAlert } from '../../components/FormAlert'
import { useErrorMessage } from '../../components/form-errors'
import { PageLoader } from '../../components/PageLoader'
import { PasswordField } from '../../components/PasswordField'
import { RoleBadge } from '../../components/RoleBadge'
import { email, minPasswordLength, required, strongPassword, useForm } from '../../components/use-form'
import { useFormatters } from '../../i18n/format'
import { useAcceptInvite, useInvitePreview } from './invite-queries'

const fields = ['name', 'email', 'password'] as const

function AcceptForm({ token, invite }: { token: string; invite: InvitePreview }) {
  const { t } = useTranslation()
  const { formatDate } = useFormatters()
  const { signedIn } = useSessionUpdates()
  const navigate = useNavigate()
  const accept = useAcceptInvite(token)
  const form = useForm(
    { name: '', email: invite.email ?? '', password: '' },
    { name: [required], email: [required, email], password: [strongPassword] },
  )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!form.validate()) return
    accept.mutate(
      { name: form.values.name.trim(), email: form.values.email.trim(), password: form.values.password },
      {
        onSuccess: (session) => {
          signedIn(session)
          void navigate(paths.home, { replace: true })
        },
      },
    )
  }

  return (
    <>
      <Stack gap="xs" mb="lg">
        <Title order={1} fz={28} data-testid="invite-title">
          {t('acceptInvite.title', { workspace: invite.workspaceName })}
        </Title>
        <Text c="dimmed">{t('acceptInvite.invitedBy', { name: invite.invitedBy })}</Text>
        <Text size="sm" c="dimmed">
          {t('acceptInvite.role')} <RoleBadge role={invite.role} />
        </Text>
        <Text size="sm" c="dimmed">
          {t('acceptInvite.expires', { date: formatDate(invite.expiresAt, { dateStyle: 'long' }) })}
        </Text>
      </Stack>
      <Paper withBorder shadow="sm" p="xl" component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label={t('fields.yourName')} autoComplete="name" withAsterisk {...form.field('name', accept.error)} data-testid="invite-name" />
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="email"
            withAsterisk
            {...form.field('email', accept.error)}
            data-testid="invite-email"
          />
          <PasswordField
            label={t('fields.password')}
            description={t('acceptInvite.passwordHint', { min: minPasswordLength })}
            autoComplete="new-password"
            withAsterisk
            {...form.field('password', accept.error)}
            data-testid="invite-password"
          />
          <FormAlert error={accept.error} fields={fields} />
          <Button type="submit" size="md" loading={accept.isPending} data-testid="invite-submit">
            {t('acceptInvite.submit', { workspace: invite.workspaceName })}
          </Button>
        </Stack>
      </Paper>
    </>
  )
}

export function AcceptInvitePage() {
  const { t } = useTranslation()
  const { token = '' } = useParams()
  const preview = useInvitePreview(token)
  const message = useErrorMessage()

  return (
    <PublicLayout width={460}>
      {preview.isPending && <PageLoader />}
      {preview.isError && (
        <Stack>
          <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} title={t('acceptInvite.unusableTitle')} role="alert" data-testid="invite-error">
            {message(preview.error)}
          </Alert>
          <Text size="sm" c="dimmed">
            {t('acceptInvite.unusableHelp')}{' '}
            <Anchor component={Link} to={paths.login}>
              {t('acceptInvite.goToLogin')}
            </Anchor>
          </Text>
        </Stack>
      )}
      {preview.isSuccess && <AcceptForm token={token} invite={preview.data} />}
    </PublicLayout>
  )
}
