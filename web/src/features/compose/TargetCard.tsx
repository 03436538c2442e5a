/**
 * One chosen account in the composer: its live counter, the choice to write a version just for
 * it, how the post will look there, and what the server found (errors plainly, warnings such as
 * a missing image description gently).
 */
import { Alert, Card, Group, Stack, Switch, Text, Textarea } from '@mantine/core'
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Account, Media, Problem } from '../../app/publish-types'
import { autoDirection } from '../../components/bidi'
import { AccountAvatar } from '../accounts'
import { LengthCounter } from './LengthCounter'
import { PostPreview } from './PostPreview'

export interface TargetCardProps {
  account: Account
  /** The text this account will publish. */
  text: string
  /** This account's own version, when it has one. */
  custom: string | undefined
  media: readonly Media[]
  /** What the server's preview found for this account (may lag the typing a little). */
  problems: readonly Problem[]
  /** What the server said when saving, for this account. */
  saveError: string | undefined
  onCustomChange: (text: string | undefined) => void
}

function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const errors = problems.filter((problem) => problem.severity === 'error')
  const warnings = problems.filter((problem) => problem.severity === 'warning')
  return (
    <>
      {errors.length > 0 && (
        <Alert color="red" variant="light" p="xs" icon={<IconAlertCircle size={16} />} data-testid="target-errors">
          <Stack gap={2}>
            {errors.map((problem) => (
              <Text key={`${problem.key}-${problem.media ?? ''}`} size="sm">
                {problem.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert color="gray" variant="light" p="xs" icon={<IconInfoCircle size={16} />} data-testid="target-warnings">
          <Stack gap={2}>
            {warnings.map((problem) => (
              <Text key={`${problem.key}-${problem.media ?? ''}`} size="sm">
                {problem.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
    </>
  )
}

export function TargetCard({ account, text, custom, media, problems, saveError, onCustomChange }: TargetCardProps) {
  const { t } = useTranslation()
  return (
    <Card padding="md" data-testid={`target-card-${account.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <AccountAvatar account={account} size={32} />
            <Stack gap={0} miw={0}>
              <Text size="sm" fw={600} truncate="end" dir="auto">
                {account.displayName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end">
                {account.networkName}
              </Text>
            </Stack>
          </Group>
          <LengthCounter text={text} rules={account.capabilities.text} />
        </Group>
        <Switch
          size="sm"
          label={t('compose.customVersion', { network: account.networkName })}
          checked={custom !== undefined}
          onChange={(event) => onCustomChange(event.currentTarget.checked ? text : undefined)}
          data-testid="target-custom-toggle"
        />
        {custom !== undefined && (
          <Textarea
            aria-label={t('compose.customVersionLabel', { handle: account.handle })}
            ref={autoDirection}
            autosize
            minRows={3}
            value={custom}
            onChange={(event) => onCustomChange(event.currentTarget.value)}
            data-testid="target-custom-text"
          />
        )}
        <PostPreview account={account} text={text} media={media} />
        {saveError && (
          <Alert color="red" variant="light" p="xs" icon={<IconAlertCircle size={16} />} role="alert">
            {saveError}
          </Alert>
        )}
        <ProblemList problems={problems} />
      </Stack>
    </Card>
  )
}
