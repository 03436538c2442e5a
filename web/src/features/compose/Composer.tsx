/**
 * The composer: write once, choose the accounts, adapt per network where needed, add images with
 * descriptions, pick the 4E, and say when it goes out. Each chosen account shows its own live
 * counter and preview; the server's checks appear under each account as the typing pauses.
 */
import { Autocomplete, Button, Card, Checkbox, Grid, Group, Stack, Text, Textarea, Title } from '@mantine/core'
import { IconSend } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiError } from '../../app/api-client'
import { postPath } from '../../app/paths'
import type { Account, Post } from '../../app/publish-types'
import { useCan, useSession } from '../../app/session'
import { FormAlert } from '../../components/FormAlert'
import { autoDirection } from '../../components/bidi'
import { ValueHints } from '../coach'
import { usePlan } from '../plan'
import { usePostAction, useSavePost } from '../posts'
import { usePublishingSettings } from '../publishing'
import { AccountPicker } from './AccountPicker'
import { draftOf, initialState, scheduleChange, scheduleRequestOf, suggestedTime, textFor, type ComposerState } from './composer-state'
import { ContentTypePicker } from './ContentTypePicker'
import { findLinks } from './count-text'
import { MediaPicker } from './MediaPicker'
import { SchedulePicker } from './SchedulePicker'
import { TargetCard } from './TargetCard'
import { useDraftPreview } from './use-preview'

export interface ComposerProps {
  accounts: readonly Account[]
  /** The post being edited; absent for a new one. */
  post?: Post
}

/** Every message the server gave for one field. */
function messagesFor(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined
  const messages = error.fields.filter((problem) => problem.field === field).map((problem) => problem.message)
  return messages.length > 0 ? messages.join(' ') : undefined
}

export function Composer({ accounts, post }: ComposerProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { workspace } = useSession()
  const zone = workspace.timeZone
  const canApprove = useCan('posts.approve')
  const settings = usePublishingSettings()
  // The plan's goals are the campaigns most posts serve.
  const plan = usePlan()
  const campaignSuggestions = [...new Set((plan.data?.plan?.goals ?? []).map((goal) => goal.text.trim()).filter((text) => text.length > 0 && text.length <= 100))]
  const [state, setState] = useState<ComposerState>(() => {
    const onlyOne = accounts.length === 1 && accounts[0]!.status === 'active' ? [accounts[0]!.id] : []
    return initialState({ post, zone, now: Date.now(), accountIds: onlyOne })
  })
  const [suggestion] = useState(() => suggestedTime(Date.now(), zone))
  // A new post is created first and scheduled second; if scheduling is refused, later saves edit it.
  const [savedPost, setSavedPost] = useState<Post | undefined>(post)
  const [pickError, setPickError] = useState<string | undefined>()
  const save = useSavePost()
  const act = usePostAction()
  const error = save.error ?? act.error
  const pending = save.isPending || act.isPending

  const chosen = accounts.filter((account) => state.accountIds.includes(account.id))
  const draft = draftOf(state)
  const preview = useDraftPreview(draft, state.media)
  // The server's answer may be for text typed a moment ago: only an answer about the text as it
  // is now is shown. An empty post is not a problem while it is being written.
  const problemsOf = (accountId: string) => {
    const answer = preview.data?.find((target) => target.accountId === accountId)
    if (!answer || answer.text !== textFor(state, accountId)) return []
    return answer.problems.filter((problem) => problem.key !== 'post_empty')
  }
  const networks = [...new Map(chosen.map((account) => [account.network, { name: account.networkName, media: account.capabilities.media }])).values()]
  const update = (changes: Partial<ComposerState>) => setState((current) => ({ ...current, ...changes }))

  const submit = async (withSchedule: boolean) => {
    save.reset()
    act.reset()
    if (withSchedule && state.accountIds.length === 0) return setPickError(t('compose.chooseAccount'))
    try {
      const { post: stored } = await save.mutateAsync({ id: savedPost?.id, draft })
      setSavedPost(stored)
      const before = savedPost ?? stored
      if (withSchedule) {
        const change = savedPost ? scheduleChange(before, state.schedule, zone) : scheduleRequestOf(state.schedule)
        if (change) await act.mutateAsync({ id: stored.id, action: { kind: 'schedule', schedule: change } })
      } else if (stored.status === 'scheduled' || stored.status === 'awaiting_approval') {
        await act.mutateAsync({ id: stored.id, action: { kind: 'unschedule' } })
      }
      void navigate(postPath(stored.id))
    } catch {
      // The error is on the mutation and shown below.
    }
  }

  const primaryLabel = t(state.schedule.mode === 'now' ? 'compose.publishNow' : state.schedule.mode === 'queue' ? 'compose.addToQueue' : 'compose.schedulePost')

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card>
          <Stack gap="lg">
            <AccountPicker
              accounts={accounts}
              value={state.accountIds}
              onChange={(accountIds) => {
                setPickError(undefined)
                update({ accountIds })
              }}
              error={pickError}
            />
            <Textarea
              label={t('compose.text')}
              placeholder={t('compose.textPlaceholder')}
              ref={autoDirection}
              autosize
              minRows={5}
              maxRows={16}
              value={state.text}
              onChange={(event) => update({ text: event.currentTarget.value })}
              data-testid="compose-text"
            />
            <MediaPicker media={state.media} onChange={(media) => update({ media })} networks={networks} />
            <ContentTypePicker value={state.contentType} onChange={(contentType) => update({ contentType })} />
            <ValueHints text={state.text} contentType={state.contentType} />
            {findLinks(state.text).length > 0 && (
              <Checkbox
                label={t('compose.trackLinks.label')}
                description={t('compose.trackLinks.hint')}
                checked={state.trackLinks}
                onChange={(event) => update({ trackLinks: event.currentTarget.checked })}
                data-testid="compose-track-links"
              />
            )}
            {findLinks(state.text).length > 0 && state.trackLinks && (
              <Autocomplete
                label={t('compose.campaign.label')}
                description={t('compose.campaign.hint')}
                placeholder={t('compose.campaign.placeholder')}
                data={campaignSuggestions}
                maxLength={100}
                value={state.campaign}
                onChange={(campaign) => update({ campaign })}
                data-testid="compose-campaign"
              />
            )}
            <SchedulePicker
              value={state.schedule}
              onChange={(schedule) => update({ schedule })}
              suggestion={suggestion}
              queueSlots={settings.data?.queueSlots.length}
            />
            {settings.data?.approvalRequired && !canApprove && (
              <Text size="sm" c="dimmed" data-testid="compose-approval-note">
                {t('compose.approvalNote')}
              </Text>
            )}
            <FormAlert error={error} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => void submit(false)} loading={pending} data-testid="compose-save-draft">
                {t('compose.saveDraft')}
              </Button>
              <Button leftSection={<IconSend size={16} className="sc-mirror" />} onClick={() => void submit(true)} loading={pending} data-testid="compose-submit">
                {primaryLabel}
              </Button>
            </Group>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="sm" data-testid="compose-targets">
          <Title order={2} fz="md">
            {t('compose.perAccount')}
          </Title>
          {chosen.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('compose.perAccountEmpty')}
            </Text>
          ) : (
            chosen.map((account) => (
              <TargetCard
                key={account.id}
                account={account}
                text={textFor(state, account.id)}
                custom={state.custom[account.id]}
                media={state.media}
                problems={problemsOf(account.id)}
                saveError={messagesFor(error, `targets.${account.id}`)}
                onCustomChange={(text) =>
                  setState((current) => {
                    const others = Object.entries(current.custom).filter(([id]) => id !== account.id)
                    return { ...current, custom: Object.fromEntries(text === undefined ? others : [...others, [account.id, text]]) }
                  })
                }
              />
            ))
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  )
}
