/** An address that leads nowhere. */
import { Button, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from './paths'

export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <Stack align="flex-start" gap="sm" data-testid="not-found">
      <Title order={1} fz={26}>
        {t('notFound.title')}
      </Title>
      <Text c="dimmed">{t('notFound.text')}</Text>
      <Button component={Link} to={paths.home} variant="light">
        {t('notFound.home')}
      </Button>
    </Stack>
  )
}
