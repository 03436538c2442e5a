/**
 * One account's live counter: characters used of the network's limit, counted by that network's
 * own rule, with the UTF-8 size when the network caps it and the text is getting near the cap.
 */
import { Group, RingProgress, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TextRules } from '../../app/publish-types'
import { useFormatters } from '../../i18n/format'
import { measureText } from './count-text'

export function LengthCounter({ text, rules }: { text: string; rules: TextRules }) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const measure = measureText(text, rules)
  const share = Math.min(100, (measure.length / measure.maxLength) * 100)
  const color = measure.over ? 'red' : measure.remaining <= Math.max(10, measure.maxLength * 0.1) ? 'orange' : 'indigo'
  const showBytes = measure.maxBytes !== undefined && measure.bytes > measure.maxBytes * 0.8
  const label = t('compose.counter', { used: formatNumber(measure.length), max: formatNumber(measure.maxLength) })
  return (
    <Tooltip label={t(rules.linkLength === undefined ? 'compose.countingRule' : 'compose.countingRuleLinks', { length: formatNumber(rules.linkLength ?? 0) })} multiline w={240}>
      <Group gap={6} wrap="nowrap" data-testid="length-counter" data-length={measure.length} data-max={measure.maxLength} data-over={measure.over}>
        <RingProgress size={26} thickness={3} roundCaps sections={[{ value: share, color }]} aria-hidden />
        <Text size="sm" fw={500} c={measure.over ? 'red' : color === 'orange' ? 'orange.8' : 'dimmed'} aria-label={label}>
          {t('compose.counterShort', { used: formatNumber(measure.length), max: formatNumber(measure.maxLength) })}
        </Text>
        {showBytes && measure.maxBytes !== undefined && (
          <Text size="xs" c={measure.bytes > measure.maxBytes ? 'red' : 'dimmed'}>
            {t('compose.bytes', { used: formatNumber(measure.bytes), max: formatNumber(measure.maxBytes) })}
          </Text>
        )}
      </Group>
    </Tooltip>
  )
}
