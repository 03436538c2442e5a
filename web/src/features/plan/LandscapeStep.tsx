/**
 * Step 2 of the plan: the landscape. Who the audience is and where it already talks, and the
 * networks chosen for that reason (each with its "why here"), not out of habit. A reminder links
 * to reserving the business's name on the networks it skips.
 */
import { Anchor, Card, List, MultiSelect, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../app/paths'
import { autoDirection } from '../../components/bidi'
import { useNetworkName } from './network-name'
import { knownNetworks } from './plan-format'
import { replaceAt, type StepProps } from './step-props'

const landscapeTraits = ['community', 'conversation', 'viral', 'personal', 'authentic'] as const

export function LandscapeStep({ draft, change, errorAt }: StepProps) {
  const { t } = useTranslation()
  const networkName = useNetworkName()
  const chosen = draft.networks.map((entry) => entry.network)
  // A network saved earlier that we do not list stays choosable, under its own id.
  const options = [...knownNetworks, ...chosen.filter((network) => !(knownNetworks as readonly string[]).includes(network))]

  const choose = (networks: string[]) =>
    change(
      (current) => ({
        ...current,
        // Keep the "why" already written for networks that stay chosen.
        networks: networks.map((network) => current.networks.find((entry) => entry.network === network) ?? { network, why: '' }),
      }),
      'networks',
      'networks.*',
    )

  const setAudience = (audience: string) => change((current) => ({ ...current, audience }), 'audience')
  const audienceError = errorAt('audience')
  const networksError = errorAt('networks')

  return (
    <Stack gap="md">
      <Card bg="gray.0">
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('plan.landscape.traitsTitle')}
          </Text>
          <List size="sm" spacing={4}>
            {landscapeTraits.map((trait) => (
              <List.Item key={trait}>{t(`plan.landscape.traits.${trait}`)}</List.Item>
            ))}
          </List>
        </Stack>
      </Card>
      <Textarea
        ref={autoDirection}
        label={t('plan.landscape.audience')}
        description={t('plan.landscape.audienceHint')}
        placeholder={t('plan.landscape.audiencePlaceholder')}
        autosize
        minRows={3}
        maxRows={8}
        maxLength={2000}
        value={draft.audience}
        onChange={(event) => setAudience(event.currentTarget.value)}
        error={audienceError}
        data-testid="plan-audience"
      />
      <MultiSelect
        label={t('plan.landscape.networks')}
        description={t('plan.landscape.networksHint')}
        placeholder={chosen.length === 0 ? t('plan.landscape.networksPlaceholder') : undefined}
        data={options.map((network) => ({ value: network, label: networkName(network) }))}
        value={chosen}
        onChange={choose}
        error={networksError}
        clearable
        data-testid="plan-networks"
      />
      {draft.networks.map((entry, index) => (
        <TextInput
          key={entry.network}
          ref={autoDirection}
          label={t('plan.landscape.why', { network: networkName(entry.network) })}
          placeholder={t('plan.landscape.whyPlaceholder')}
          maxLength={300}
          value={entry.why}
          onChange={(event) => {
            const why = event.currentTarget.value
            change((current) => ({ ...current, networks: replaceAt(current.networks, index, { ...current.networks[index]!, why }) }), `networks.${index}.why`)
          }}
          error={errorAt(`networks.${index}.why`) ?? errorAt(`networks.${index}.network`)}
          data-testid={`plan-network-${entry.network}-why`}
        />
      ))}
      <Text size="sm" c="dimmed">
        {t('plan.landscape.reserve')}{' '}
        <Anchor component={Link} to={paths.coachHandles} size="sm">
          {t('plan.landscape.reserveLink')}
        </Anchor>
      </Text>
    </Stack>
  )
}
