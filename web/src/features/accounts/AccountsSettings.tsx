/**
 * Settings → Accounts: the workspace's connected accounts with their status, "check connections
 * now", and connecting new ones, one tab per network. The network's sign-in page sends people
 * back here with `?connected=<id>` or `?oauth=expired|denied|failed`.
 */
import { Alert, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useNotice } from '../../app/Notices'
import type { Account, Network } from '../../app/publish-types'
import { useCan } from '../../app/session'
import { FormAlert } from '../../components/FormAlert'
import { NoAccess } from '../../components/NoAccess'
import { QueryState } from '../../components/QueryState'
import { MythTip } from '../coach'
import { useAccounts, useCheckAccounts, useNetworks } from './account-queries'
import { AccountRow } from './AccountRow'
import { ConnectForm, connectableNetworks } from './ConnectForm'
import { NetworkIcon } from './NetworkIcon'

const oauthOutcomes = ['expired', 'denied', 'failed'] as const
type OAuthOutcome = (typeof oauthOutcomes)[number]

/** Reads (once) what the network's sign-in page reported, then clears it from the address. */
function useOAuthReturn(): { failure: OAuthOutcome | null; connectedId: string | null } {
  const [params, setParams] = useSearchParams()
  const [outcome] = useState(() => {
    const oauth = params.get('oauth')
    return {
      failure: (oauthOutcomes as readonly string[]).includes(oauth ?? '') ? (oauth as OAuthOutcome) : null,
      connectedId: params.get('connected'),
    }
  })
  useEffect(() => {
    if (params.has('oauth') || params.has('connected')) setParams({}, { replace: true })
  }, [params, setParams])
  return outcome
}

function ConnectedNotice({ accountId, accounts }: { accountId: string; accounts: Account[] }) {
  const { t } = useTranslation()
  const notify = useNotice()
  const account = accounts.find((candidate) => candidate.id === accountId)
  const shown = useRef(false)
  useEffect(() => {
    if (account && !shown.current) {
      shown.current = true
      notify(t('accounts.connected', { handle: account.handle }))
    }
  }, [account, notify, t])
  return null
}

function AccountList({ networks, canManage, connectedId }: { networks: Network[]; canManage: boolean; connectedId: string | null }) {
  const { t } = useTranslation()
  return (
    <QueryState query={useAccounts()}>
      {(accounts) => (
        <Stack gap="sm" data-testid="accounts-list">
          {connectedId && <ConnectedNotice accountId={connectedId} accounts={accounts} />}
          {accounts.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('accounts.none')}
            </Text>
          ) : (
            accounts.map((account) => (
              <AccountRow key={account.id} account={account} network={networks.find((n) => n.id === account.network)} canManage={canManage} />
            ))
          )}
        </Stack>
      )}
    </QueryState>
  )
}

function ConnectSection({ networks }: { networks: Network[] }) {
  const { t } = useTranslation()
  const offered = networks.filter((network) => connectableNetworks.has(network.id))
  const [tab, setTab] = useState<string | null>(offered[0]?.id ?? null)
  if (offered.length === 0) return null
  return (
    <Card>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="lg">
            {t('accounts.connectTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('accounts.connectIntro')}
          </Text>
        </Stack>
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            {offered.map((network) => (
              <Tabs.Tab key={network.id} value={network.id} leftSection={<NetworkIcon network={network.id} />} data-testid={`connect-tab-${network.id}`}>
                {network.name}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {offered.map((network) => (
            <Tabs.Panel key={network.id} value={network.id} maw={520}>
              <ConnectForm network={network} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Card>
  )
}

export function AccountsSettings() {
  const { t } = useTranslation()
  const canRead = useCan('accounts.read')
  const canManage = useCan('accounts.manage')
  const networks = useNetworks(canRead)
  const check = useCheckAccounts()
  const notify = useNotice()
  const { failure, connectedId } = useOAuthReturn()
  if (!canRead) return <NoAccess />

  return (
    <Stack gap="lg">
      {failure && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('accounts.oauth.title')} data-testid="oauth-failure">
          {t(`accounts.oauth.${failure}`)}
        </Alert>
      )}
      <MythTip myth="every_network" />
      <Card>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4} maw={560}>
              <Title order={2} fz="lg">
                {t('accounts.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('accounts.intro')}
              </Text>
            </Stack>
            {canManage && (
              <Button
                variant="default"
                leftSection={<IconRefresh size={16} />}
                loading={check.isPending}
                onClick={() => check.mutate(undefined, { onSuccess: () => notify(t('accounts.checked')) })}
                data-testid="accounts-check"
              >
                {t('accounts.checkNow')}
              </Button>
            )}
          </Group>
          <FormAlert error={check.error} />
          <QueryState query={networks}>{(list) => <AccountList networks={list} canManage={canManage} connectedId={connectedId} />}</QueryState>
        </Stack>
      </Card>
      {canManage && networks.data && <ConnectSection networks={networks.data} />}
    </Stack>
  )
}
