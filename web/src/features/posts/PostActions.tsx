/**
 * What can be done with a post from its page, by its state and the person's role: approve it,
 * publish it now, edit it, take it off the calendar, delete it.
 */
import { Button, Group, Stack } from '@mantine/core'
import { IconCalendarOff, IconCheck, IconPencil, IconSend } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useNotice } from '../../app/Notices'
import { paths, postEditPath } from '../../app/paths'
import type { Post } from '../../app/publish-types'
import { useCan } from '../../app/session'
import { ConfirmButton } from '../../components/ConfirmButton'
import { FormAlert } from '../../components/FormAlert'
import { hasGoneOut, isEditable, isMovable } from './post-status'
import { useDeletePost, usePostAction, type PostAction } from './post-queries'

export function PostActions({ post }: { post: Post }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const notify = useNotice()
  const canWrite = useCan('posts.write')
  const canApprove = useCan('posts.approve')
  const act = usePostAction()
  const remove = useDeletePost()
  const run = (action: PostAction, notice: string) => act.mutate({ id: post.id, action }, { onSuccess: () => notify(notice) })
  const onCalendar = post.status === 'scheduled' || post.status === 'awaiting_approval'
  if (!canWrite) return null

  return (
    <Stack gap="xs">
    <Group gap="xs" data-testid="post-actions">
      {post.status === 'awaiting_approval' && canApprove && (
        <Button color="teal" leftSection={<IconCheck size={16} />} loading={act.isPending} onClick={() => run({ kind: 'approve' }, t('posts.approved'))} data-testid="post-approve">
          {t('posts.approve')}
        </Button>
      )}
      {isMovable(post) && post.targets.length > 0 && (
        <Button
          variant={post.status === 'awaiting_approval' && canApprove ? 'default' : 'filled'}
          leftSection={<IconSend size={16} className="sc-mirror" />}
          loading={act.isPending}
          onClick={() => run({ kind: 'schedule', schedule: { mode: 'now' } }, t('posts.publishingNow'))}
          data-testid="post-publish-now"
        >
          {t('posts.publishNow')}
        </Button>
      )}
      {isEditable(post) && (
        <Button component={Link} to={postEditPath(post.id)} variant="default" leftSection={<IconPencil size={16} className="sc-mirror" />} data-testid="post-edit">
          {t('posts.edit')}
        </Button>
      )}
      {onCalendar && isMovable(post) && (
        <Button variant="default" leftSection={<IconCalendarOff size={16} />} loading={act.isPending} onClick={() => run({ kind: 'unschedule' }, t('posts.unscheduled'))} data-testid="post-unschedule">
          {t('posts.unschedule')}
        </Button>
      )}
      {!hasGoneOut(post) && (
        <ConfirmButton
          label={t('posts.delete')}
          title={t('posts.deleteTitle')}
          message={t('posts.deleteMessage')}
          confirmLabel={t('posts.delete')}
          size="sm"
          onConfirm={() =>
            remove.mutateAsync(post.id).then(() => {
              notify(t('posts.deleted'))
              void navigate(paths.calendar)
            })
          }
          data-testid="post-delete"
        />
      )}
    </Group>
    <FormAlert error={act.error} />
    </Stack>
  )
}
