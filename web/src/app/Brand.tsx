/** Stagecraft's name with its mark, at the top of every page. */
import { Group, Text, ThemeIcon } from '@mantine/core'
import { IconBroadcast } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export function Brand() {
  const { t } = useTranslation()
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={30} radius="md" variant="filled" aria-hidden>
        <IconBroadcast size={18} />
      </ThemeIcon>
      <Text fw={700} fz="lg">
        {t('app.name')}
      </Text>
    </Group>
  )
}
