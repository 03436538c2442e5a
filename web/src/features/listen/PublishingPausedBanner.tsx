/**
 * The banner every page shows while publishing is paused (after a burst of negative mentions,
 * when the crisis pause is on): scheduled posts wait, so someone should look at what people say
 * and then resume. Admins resume from here; others are told who can.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { IconHandStop, IconPlayerPlay } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useNotice } from '../../app/Notices'
import { paths } from '../../app/paths'
import { FormAlert } from '../../components/FormAlert'
import { useFormatters } from '../../i18n/format'
import { useListenPermissions, useListenSettings, useResumePublishing } from './listen-queries'

export function PublishingPausedBanner() {
  const { t } = useTranslation()
  const { formatDateTime } = useFormatters()
  const notify = useNotice()
  const { canRead, canConfigure } = useListenPermissions()
  const settings = useListenSettings(canRead)
  const resume = useResumePublishing()
  const paused = settings.data?.settings.publishingPaused
  if (!paused) return null
  const time = formatDateTime(paused.at)
  return (
    <Alert
      color="red"
      variant="filled"
      icon={<IconHandStop size={22} />}
      title={t('listen.paused.title')}
      mb="lg"
      role="alert"
      data-testid="publishing-paused"
    >
      <Stack gap="sm">
        <Text size="sm">
          {paused.reason === 'crisis' ? t('listen.paused.crisis', { time }) : t('listen.paused.other', { time })}
        </Text>
        {!canConfigure && <Text size="sm">{t('listen.paused.askAdmin')}</Text>}
        <Group gap="sm">
          <Button component={Link} to={`${paths.listen}?sentiment=negative`} size="xs" variant="white" color="red">
            {t('listen.paused.seeMentions')}
          </Button>
          {canConfigure && (
            <Button
              size="xs"
              variant="outline"
              color="white"
              leftSection={<IconPlayerPlay size={14} />}
              loading={resume.isPending}
              onClick={() => resume.mutate(undefined, { onSuccess: ({ released }) => notify(t('listen.paused.resumed', { count: released })) })}
              data-testid="publishing-resume"
            >
              {t('listen.paused.resume')}
            </Button>
          )}
        </Group>
        <FormAlert error={resume.error} />
      </Stack>
    </Alert>
  )
}
