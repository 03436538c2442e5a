/**
 * What listening may do on its own: send a daily digest, and pause publishing when a burst of
 * negative mentions arrives (so a cheerful promotion does not go out in the middle of a crisis).
 * Admins change these; others see them with who can.
 */
import { Card, Stack, Switch, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../../app/Notices'
import { FormAlert } from '../../components/FormAlert'
import { useChangeListenSettings } from './listen-queries'
import type { ListenSettings } from './listen-types'

export function AlertSettings({ settings, canConfigure }: { settings: ListenSettings; canConfigure: boolean }) {
  const { t } = useTranslation()
  const notify = useNotice()
  const change = useChangeListenSettings()
  return (
    <Card data-testid="listen-settings">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {t('listen.settings.title')}
          </Title>
          {!canConfigure && (
            <Text size="sm" c="dimmed">
              {t('listen.settings.adminsOnly')}
            </Text>
          )}
        </Stack>
        <Switch
          label={t('listen.settings.digest')}
          description={t('listen.settings.digestHint')}
          checked={settings.digest}
          disabled={!canConfigure || change.isPending}
          onChange={(event) => {
            const digest = event.currentTarget.checked
            change.mutate({ digest }, { onSuccess: () => notify(t(digest ? 'listen.settings.digestOn' : 'listen.settings.digestOff')) })
          }}
          data-testid="listen-digest"
        />
        <Switch
          label={t('listen.settings.crisisPause')}
          description={t('listen.settings.crisisPauseHint')}
          checked={settings.crisisPause}
          disabled={!canConfigure || change.isPending}
          onChange={(event) => {
            const crisisPause = event.currentTarget.checked
            change.mutate({ crisisPause }, { onSuccess: () => notify(t(crisisPause ? 'listen.settings.crisisPauseOn' : 'listen.settings.crisisPauseOff')) })
          }}
          data-testid="listen-crisis-pause"
        />
        <FormAlert error={change.error} />
      </Stack>
    </Card>
  )
}
