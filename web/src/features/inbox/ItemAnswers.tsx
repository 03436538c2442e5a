/**
 * The answers sent from the app to an item and what became of each: out on the network (with a
 * link to it), waiting for approval, on its way, held back (an account to reconnect, publishing
 * paused: it goes once that is done), or failed with the network's own reason. A
 * refused answer kept as a draft is not listed: its text is back in the reply box.
 */
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { InboxAnswer } from '../../app/inbox-types'
import { postPath } from '../../app/paths'
import { useFormatters } from '../../i18n/format'
import { answerOutcome, waitingReason, type AnswerOutcome } from './inbox-logic'
import { safeHref } from './safe-href'
import { textDirection } from '../../components/bidi'

const outcomeColors: Record<AnswerOutcome, string> = { published: 'teal', failed: 'red', draft: 'gray', awaiting_approval: 'yellow', sending: 'cyan', waiting: 'orange' }

function Answer({ answer, names }: { answer: InboxAnswer; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation()
  const { formatDateTime } = useFormatters()
  const outcome = answerOutcome(answer)
  const href = safeHref(answer.url)
  const author = (answer.authorId && names.get(answer.authorId)) || t('inbox.item.someone')
  return (
    <Stack gap={4} p="xs" style={{ borderInlineStart: `3px solid var(--mantine-color-${outcomeColors[outcome]}-5)` }} data-testid="inbox-answer" data-outcome={outcome}>
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Badge size="sm" variant="light" color={outcomeColors[outcome]} radius="sm" tt="none">
          {t(`inbox.answers.outcome.${outcome}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('inbox.answers.byline', { name: author, time: formatDateTime(answer.publishedAt ?? answer.createdAt) })}
        </Text>
      </Group>
      <Text size="sm" dir={textDirection(answer.text)} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {answer.text}
      </Text>
      {outcome === 'failed' && answer.error && (
        <Text size="xs" c="red.8" data-testid="inbox-answer-error">
          {t('inbox.answers.reason', { reason: answer.error })}
        </Text>
      )}
      {outcome === 'waiting' && (
        <Text size="xs" c="orange.9" data-testid="inbox-answer-waiting">
          {t(`inbox.answers.waiting.${waitingReason(answer.errorKind)}`)}
          {answer.error && ` ${t('inbox.answers.reason', { reason: answer.error })}`}
        </Text>
      )}
      <Group gap="md">
        {href && (
          <Anchor href={href} target="_blank" rel="noreferrer noopener" size="xs">
            <Group gap={4} wrap="nowrap">
              {t('inbox.answers.open')}
              <IconExternalLink size={12} className="sc-mirror" aria-hidden />
            </Group>
          </Anchor>
        )}
        <Anchor component={Link} to={postPath(answer.postId)} size="xs">
          {t('inbox.answers.post')}
        </Anchor>
      </Group>
    </Stack>
  )
}

export function ItemAnswers({ answers, names }: { answers: readonly InboxAnswer[]; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation()
  const sent = answers.filter((answer) => answerOutcome(answer) !== 'draft')
  if (sent.length === 0) return null
  return (
    <Stack gap="xs" data-testid="inbox-answers">
      <Text fw={600} size="sm">
        {t('inbox.answers.title')}
      </Text>
      {sent.map((answer) => (
        <Answer key={answer.postId} answer={answer} names={names} />
      ))}
    </Stack>
  )
}
