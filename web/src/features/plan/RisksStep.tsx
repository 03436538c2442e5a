/**
 * Step 7 of the plan: the return, and what could go wrong on the way. The risks to the company
 * and its brand in the owner's words, and the dates the plan will be looked at again (a new date
 * starts three months after the last one).
 */
import { ActionIcon, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { IconCalendarPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { autoDirection } from '../../components/bidi'
import { emptyReviewDate, isDay, nextReviewDate } from './plan-draft'
import { formatDay } from './plan-format'
import { removeAt, replaceAt, type StepProps } from './step-props'

function today(): string {
  const now = new Date()
  // The person's own calendar day, not UTC's.
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10)
}

export function RisksStep({ draft, change, errorAt }: StepProps) {
  const { t, i18n } = useTranslation()
  const risksError = errorAt('risks')
  const datesError = errorAt('reviewDates')
  const setRisks = (risks: string) => change((current) => ({ ...current, risks }), 'risks')
  // Later dates move up: messages naming their old indexes no longer apply.
  const removeDate = (index: number) =>
    change((current) => ({ ...current, reviewDates: removeAt(current.reviewDates, index) }), 'reviewDates', 'reviewDates.*')
  const addDate = () =>
    change(
      (current) => ({
        ...current,
        reviewDates: [...current.reviewDates, emptyReviewDate(nextReviewDate(current.reviewDates.map((item) => item.date), today()))],
      }),
      'reviewDates',
    )
  return (
    <Stack gap="md">
      <Textarea
        ref={autoDirection}
        label={t('plan.risks.risks')}
        description={t('plan.risks.risksHint')}
        placeholder={t('plan.risks.risksPlaceholder')}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={3000}
        value={draft.risks}
        onChange={(event) => setRisks(event.currentTarget.value)}
        error={risksError}
        data-testid="plan-risks"
      />
      <Stack gap="xs">
        <Text fw={500} size="sm">
          {t('plan.risks.reviews')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('plan.risks.reviewsHint')}
        </Text>
        {draft.reviewDates.map((entry, index) => (
          <Group key={entry.key} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              type="date"
              aria-label={t('plan.risks.reviewDate', { number: index + 1 })}
              value={entry.date}
              onChange={(event) => {
                const date = event.currentTarget.value
                change((current) => ({ ...current, reviewDates: replaceAt(current.reviewDates, index, { ...current.reviewDates[index]!, date }) }), `reviewDates.${index}`)
              }}
              error={errorAt(`reviewDates.${index}`)}
              data-testid={`plan-review-${index}`}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={2}
              aria-label={isDay(entry.date) ? t('plan.risks.removeDate', { date: formatDay(entry.date, i18n.language) }) : t('plan.risks.removeEmptyDate')}
              onClick={() => removeDate(index)}
              data-testid={`plan-review-${index}-remove`}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          leftSection={<IconCalendarPlus size={16} />}
          style={{ alignSelf: 'flex-start' }}
          onClick={addDate}
          data-testid="plan-review-add"
        >
          {t('plan.risks.addDate')}
        </Button>
        {datesError && (
          <Text c="red" size="sm" role="alert">
            {datesError}
          </Text>
        )}
      </Stack>
    </Stack>
  )
}
