/**
 * A small tip answering one social media myth with the rule that holds instead (e.g. a hundred
 * followers you talk with beat ten thousand who ignore you). Shown where a screen invites the
 * myth; closed once, it stays closed on this device.
 */
import { Alert, Anchor, Stack, Text } from '@mantine/core'
import { IconBulb } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { mythLink, type Myth } from './coach-logic'
import { dismissTip, dismissedTips } from './dismissed-tips'

export interface MythTipProps {
  myth: Myth
}

export function MythTip({ myth }: MythTipProps) {
  const { t } = useTranslation()
  const [dismissed, setDismissed] = useState(() => dismissedTips().has(myth))
  if (dismissed) return null
  const link = mythLink(myth)
  return (
    <Alert
      variant="light"
      color="teal"
      icon={<IconBulb size={18} />}
      title={t(`coach.myths.${myth}.title`)}
      withCloseButton
      closeButtonLabel={t('coach.myths.dismiss')}
      onClose={() => {
        dismissTip(myth)
        setDismissed(true)
      }}
      data-testid={`myth-${myth}`}
    >
      <Stack gap={4} align="flex-start">
        <Text size="sm">{t(`coach.myths.${myth}.text`)}</Text>
        {link && (
          <Anchor component={Link} to={link} size="sm" fw={500}>
            {t('coach.myths.every_network.link')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  )
}
