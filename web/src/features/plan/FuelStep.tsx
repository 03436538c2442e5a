/**
 * Step 6 of the plan: the fuel. The hours the business gives social media each week, the people
 * who give them (a team, not a side job of one manager) and where fresh content comes from. The
 * people's hours are added up and set beside the plan's, so a gap shows before it hurts.
 */
import { ActionIcon, Button, Card, Grid, Group, NumberInput, Stack, TagsInput, Text, TextInput } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { autoDirection } from '../../components/bidi'
import { useFormatters } from '../../i18n/format'
import { emptyPerson, numberOf, peopleHours, type NumberValue, type PersonDraft } from './plan-draft'
import { removeAt, replaceAt, type StepProps } from './step-props'

export function FuelStep({ draft, change, errorAt }: StepProps) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const planned = numberOf(draft.hoursPerWeek)
  const given = peopleHours(draft.people)
  const setPerson = (index: number, patch: Partial<PersonDraft>, field: keyof PersonDraft) =>
    change((current) => ({ ...current, people: replaceAt(current.people, index, { ...current.people[index]!, ...patch }) }), `people.${index}.${field}`)
  const setHours = (value: NumberValue) => change((current) => ({ ...current, hoursPerWeek: value }), 'hoursPerWeek')
  // Later rows move up: messages naming their old indexes no longer apply.
  const removePerson = (index: number) => change((current) => ({ ...current, people: removeAt(current.people, index) }), 'people', 'people.*')
  const addPerson = () => change((current) => ({ ...current, people: [...current.people, emptyPerson()] }), 'people')
  const setSources = (contentSources: string[]) => change((current) => ({ ...current, contentSources }), 'contentSources', 'contentSources.*')
  const hoursError = errorAt('hoursPerWeek')
  const peopleError = errorAt('people')
  const sourcesError = errorAt('contentSources')

  return (
    <Stack gap="md">
      <NumberInput
        label={t('plan.fuel.hours')}
        description={t('plan.fuel.hoursHint')}
        min={0}
        max={168}
        allowNegative={false}
        maw={320}
        value={draft.hoursPerWeek}
        onChange={setHours}
        error={hoursError}
        data-testid="plan-hours"
      />
      <Stack gap="xs">
        <Text fw={500} size="sm">
          {t('plan.fuel.people')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('plan.fuel.peopleHint')}
        </Text>
        {draft.people.map((person, index) => (
          <Card key={person.key} padding="sm" data-testid={`plan-person-${index}`}>
            <Grid gap="sm" align="flex-end">
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput
                  ref={autoDirection}
                  label={t('plan.fuel.name')}
                  maxLength={100}
                  value={person.name}
                  onChange={(event) => setPerson(index, { name: event.currentTarget.value }, 'name')}
                  error={errorAt(`people.${index}.name`)}
                  data-testid={`plan-person-${index}-name`}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput
                  ref={autoDirection}
                  label={t('plan.fuel.role')}
                  placeholder={t('plan.fuel.rolePlaceholder')}
                  maxLength={100}
                  value={person.role}
                  onChange={(event) => setPerson(index, { role: event.currentTarget.value }, 'role')}
                  error={errorAt(`people.${index}.role`)}
                  data-testid={`plan-person-${index}-role`}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 9, sm: 3 }}>
                <NumberInput
                  label={t('plan.fuel.personHours')}
                  min={0}
                  max={168}
                  allowNegative={false}
                  value={person.hoursPerWeek}
                  onChange={(value) => setPerson(index, { hoursPerWeek: value }, 'hoursPerWeek')}
                  error={errorAt(`people.${index}.hoursPerWeek`)}
                  data-testid={`plan-person-${index}-hours`}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 3, sm: 1 }}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={person.name.trim() ? t('plan.fuel.removePerson', { name: person.name }) : t('plan.fuel.removeEmptyPerson')}
                  onClick={() => removePerson(index)}
                  data-testid={`plan-person-${index}-remove`}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Grid.Col>
            </Grid>
          </Card>
        ))}
        <Group justify="space-between">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={addPerson}
            data-testid="plan-person-add"
          >
            {t('plan.fuel.addPerson')}
          </Button>
          {draft.people.length > 0 && planned !== null && (
            <Text size="sm" c={given < planned ? 'orange' : 'dimmed'} data-testid="plan-people-hours">
              {given < planned
                ? t('plan.fuel.peopleShort', { count: given, planned: formatNumber(planned) })
                : t('plan.fuel.peopleEnough', { count: given })}
            </Text>
          )}
        </Group>
        {peopleError && (
          <Text c="red" size="sm" role="alert">
            {peopleError}
          </Text>
        )}
      </Stack>
      <TagsInput
        label={t('plan.fuel.sources')}
        description={t('plan.fuel.sourcesHint')}
        placeholder={t('plan.fuel.sourcesPlaceholder')}
        maxTags={30}
        value={draft.contentSources}
        onChange={setSources}
        error={sourcesError}
        clearable
        data-testid="plan-sources"
      />
      <Text size="sm" c="dimmed">
        {t('plan.fuel.handsOn')}
      </Text>
    </Stack>
  )
}
