/**
 * Setting the check-in times (owners and admins): rows of days, a start time and a length, a
 * suggested routine to start from, rows added and removed. Saved as a whole; when the API
 * refuses, each problem shows on the row it belongs to and the rows stay as typed.
 */
import { ActionIcon, Alert, Button, Chip, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../app/api-client'
import type { CheckInBlock } from '../../../app/inbox-types'
import { useNotice } from '../../../app/Notices'
import { FormAlert } from '../../../components/FormAlert'
import { PageLoader } from '../../../components/PageLoader'
import { firstDayOfWeek, weekdayOrder } from '../../calendar'
import { blocksFromRows, newRow, placeProblems, presetMinutes, presetRows, presetTimes, rowsFromBlocks, rowsWithoutDays, type BlockRow, type RowErrors } from './checkin-logic'
import { useSaveCheckInBlocks } from './checkin-queries'
import { useCheckInFormats, type CheckInFormats } from './use-checkin-formats'

/** Lengths the minutes field steps through; any whole number the API takes can be typed. */
const minutesStep = 5

interface RowProps {
  row: BlockRow
  weekdays: number[]
  formats: CheckInFormats
  errors: RowErrors | undefined
  onChange: (row: BlockRow) => void
  onRemove: () => void
}

function BlockRowFields({ row, weekdays, formats, errors, onChange, onRemove }: RowProps) {
  const { t } = useTranslation()
  return (
    <Stack gap={6} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }} data-testid="checkin-block-row">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Chip.Group multiple value={row.weekdays.map(String)} onChange={(values) => onChange({ ...row, weekdays: values.map(Number).sort((a, b) => a - b) })}>
          <Group gap={4} wrap="wrap" role="group" aria-label={t('inbox.checkin.editor.days')}>
            {weekdays.map((weekday) => (
              <Chip key={weekday} value={String(weekday)} size="xs" radius="sm" aria-label={formats.weekday(weekday, 'long')} data-testid={`checkin-day-${weekday}`}>
                {formats.weekday(weekday, 'short')}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('inbox.checkin.editor.remove')} data-testid="checkin-block-remove">
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
      {errors?.weekdays && (
        <Text size="xs" c="red" style={{ whiteSpace: 'pre-line' }} data-testid="checkin-error-weekdays">
          {errors.weekdays}
        </Text>
      )}
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          type="time"
          label={t('inbox.checkin.editor.time')}
          value={row.time}
          onChange={(event) => onChange({ ...row, time: event.currentTarget.value })}
          error={errors?.time && <span style={{ whiteSpace: 'pre-line' }}>{errors.time}</span>}
          w={140}
          data-testid="checkin-block-time"
        />
        <NumberInput
          label={t('inbox.checkin.editor.minutes')}
          value={row.minutes}
          onChange={(value) => onChange({ ...row, minutes: typeof value === 'number' ? value : value === '' ? '' : Number(value) })}
          error={errors?.minutes && <span style={{ whiteSpace: 'pre-line' }}>{errors.minutes}</span>}
          min={0}
          step={minutesStep}
          allowDecimal={false}
          allowNegative={false}
          w={140}
          data-testid="checkin-block-minutes"
        />
      </Group>
    </Stack>
  )
}

interface FormProps {
  blocks: readonly CheckInBlock[]
  timeZone: string
  onDone: () => void
}

function BlocksForm({ blocks, timeZone, onDone }: FormProps) {
  const { t, i18n } = useTranslation()
  const notify = useNotice()
  const formats = useCheckInFormats(timeZone)
  const save = useSaveCheckInBlocks()
  const [rows, setRows] = useState<BlockRow[]>(() => rowsFromBlocks(blocks))
  // The rows the last refused save was sent from, so its problems land on them whatever changed since.
  const [sentFrom, setSentFrom] = useState<string[]>([])
  const [withoutDays, setWithoutDays] = useState<string[]>([])
  const weekdays = weekdayOrder(firstDayOfWeek(i18n.language))

  const problems = save.error instanceof ApiError ? placeProblems(save.error.fields, sentFrom) : { byRow: {}, unplaced: [] }
  const placedFields = save.error instanceof ApiError ? save.error.fields.filter((field) => !problems.unplaced.includes(field)).map((field) => field.field) : []
  const errorsOf = (row: BlockRow): RowErrors | undefined =>
    withoutDays.includes(row.key) ? { ...problems.byRow[row.key], weekdays: t('inbox.checkin.editor.noDays') } : problems.byRow[row.key]

  const change = (next: BlockRow) => setRows((current) => current.map((row) => (row.key === next.key ? next : row)))
  const submit = () => {
    const empty = rowsWithoutDays(rows)
    setWithoutDays(empty)
    if (empty.length > 0) return
    const { blocks: toSave, rowOf } = blocksFromRows(rows)
    setSentFrom(rowOf)
    save.mutate(toSave, {
      onSuccess: () => {
        notify(t('inbox.checkin.editor.saved'))
        onDone()
      },
    })
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <Stack gap="md" data-testid="checkin-editor">
        <Text size="sm" c="dimmed">
          {t('inbox.checkin.editor.intro', { zone: timeZone.replaceAll('_', ' ') })}
        </Text>
        <Button
          variant="light"
          onClick={() => {
            setRows(presetRows())
            setWithoutDays([])
          }}
          data-testid="checkin-preset"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('inbox.checkin.editor.preset', { first: formats.wallTime(presetTimes[0]), second: formats.wallTime(presetTimes[1]), duration: formats.minutes(presetMinutes) })}
        </Button>
        {rows.length === 0 ? (
          <Text size="sm" data-testid="checkin-editor-empty">
            {t('inbox.checkin.editor.empty')}
          </Text>
        ) : (
          <Stack gap="sm">
            {rows.map((row) => (
              <BlockRowFields
                key={row.key}
                row={row}
                weekdays={weekdays}
                formats={formats}
                errors={errorsOf(row)}
                onChange={change}
                onRemove={() => setRows((current) => current.filter((other) => other.key !== row.key))}
              />
            ))}
          </Stack>
        )}
        <Button variant="subtle" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRows((current) => [...current, newRow(current.at(-1))])} style={{ alignSelf: 'flex-start' }} data-testid="checkin-block-add">
          {t('inbox.checkin.editor.add')}
        </Button>
        <FormAlert error={save.error} fields={placedFields} />
        {problems.unplaced.length > 0 && (
          <Alert color="red" variant="light" role="alert">
            {problems.unplaced.map((problem) => (
              <Text key={`${problem.field}:${problem.message}`} size="sm">
                {problem.message}
              </Text>
            ))}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="checkin-save">
            {t('inbox.checkin.editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export interface CheckInBlocksEditorProps {
  opened: boolean
  onClose: () => void
  /** The blocks as saved; the editor starts from them each time it opens. */
  blocks: readonly CheckInBlock[] | undefined
  timeZone: string
}

export function CheckInBlocksEditor({ opened, onClose, blocks, timeZone }: CheckInBlocksEditorProps) {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onClose} title={t('inbox.checkin.editor.title')} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
      {blocks ? <BlocksForm blocks={blocks} timeZone={timeZone} onDone={onClose} /> : <PageLoader />}
    </Modal>
  )
}
