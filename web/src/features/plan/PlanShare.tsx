/**
 * Sharing the plan by link: anyone with the link reads the plan (no sign-in, nothing to change).
 * Once shared, the link with a copy button and a way to stop sharing, which makes the link dead.
 */
import { Card, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ConfirmButton } from '../../components/ConfirmButton'
import { FormAlert } from '../../components/FormAlert'
import { SecretReveal } from '../../components/SecretReveal'
import { useSharePlan } from './plan-queries'

export function PlanShare({ shareUrl }: { shareUrl: string }) {
  const { t } = useTranslation()
  const share = useSharePlan()
  return (
    <Card data-testid="plan-share">
      <Stack gap="sm">
        <Text size="sm">{t('plan.share.shared')}</Text>
        <SecretReveal label={t('plan.share.link')} value={shareUrl} data-testid="plan-share-url" />
        <FormAlert error={share.error} />
        <Group justify="flex-end">
          <ConfirmButton
            label={t('plan.share.stop')}
            title={t('plan.share.stopTitle')}
            message={t('plan.share.stopMessage')}
            confirmLabel={t('plan.share.stopConfirm')}
            onConfirm={() => share.mutateAsync(false)}
            data-testid="plan-share-stop"
          />
        </Group>
      </Stack>
    </Card>
  )
}
