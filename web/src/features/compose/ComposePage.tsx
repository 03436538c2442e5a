/** Writing a new post (/compose) and editing one that has not gone out (/posts/:id/edit). */
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { postPath } from '../../app/paths'
import { useCan } from '../../app/session'
import { NoAccess } from '../../components/NoAccess'
import { QueryState } from '../../components/QueryState'
import { useAccounts } from '../accounts'
import { isEditable, usePost } from '../posts'
import { Composer } from './Composer'

function Heading({ title, intro }: { title: string; intro: string }) {
  return (
    <Stack gap={4}>
      <Title order={1} fz={26}>
        {title}
      </Title>
      <Text c="dimmed">{intro}</Text>
    </Stack>
  )
}

export function ComposePage() {
  const { t } = useTranslation()
  const canWrite = useCan('posts.write')
  const accounts = useAccounts(canWrite)
  if (!canWrite) return <NoAccess />
  return (
    <Stack gap="lg" maw={1200} data-testid="compose-page">
      <Heading title={t('compose.title')} intro={t('compose.intro')} />
      <QueryState query={accounts}>{(list) => <Composer accounts={list} />}</QueryState>
    </Stack>
  )
}

function EditPost({ id }: { id: string }) {
  const { t } = useTranslation()
  const post = usePost(id)
  const accounts = useAccounts()
  return (
    <QueryState query={post}>
      {(loaded) =>
        isEditable(loaded) ? (
          <QueryState query={accounts}>{(list) => <Composer key={loaded.id} accounts={list} post={loaded} />}</QueryState>
        ) : (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="post-not-editable">
            <Stack gap={4} align="flex-start">
              <Text size="sm">{t('compose.notEditable')}</Text>
              <Anchor component={Link} to={postPath(loaded.id)} size="sm">
                {t('compose.backToPost')}
              </Anchor>
            </Stack>
          </Alert>
        )
      }
    </QueryState>
  )
}

export function EditPostPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const canWrite = useCan('posts.write')
  if (!canWrite) return <NoAccess />
  return (
    <Stack gap="lg" maw={1200} data-testid="edit-post-page">
      <Heading title={t('compose.editTitle')} intro={t('compose.editIntro')} />
      <EditPost id={id} />
    </Stack>
  )
}
