/**
 * Step 4 of the plan: the wheels. The tools the business will really use, in the four families
 * (networking, collaboration, multimedia, entertainment), with the advice to pick what is needed
 * rather than run twenty sites at once, repeated gently when the list grows long.
 */
import { Alert, Stack, TagsInput } from '@mantine/core'
import { IconAlertTriangle, IconBulb } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { toolFamilies } from '../../app/coach-types'
import { manyTools, toolCount } from './plan-draft'
import type { StepProps } from './step-props'

export function ToolsStep({ draft, change, errorAt }: StepProps) {
  const { t } = useTranslation()
  const count = toolCount(draft.tools)
  const toolsError = errorAt('tools')
  return (
    <Stack gap="md">
      <Alert color="indigo" variant="light" icon={<IconBulb size={18} />}>
        {t('plan.tools.advice')}
      </Alert>
      {toolFamilies.map((family) => (
        <TagsInput
          key={family}
          label={t(`plan.toolFamilies.${family}.name`)}
          description={t(`plan.toolFamilies.${family}.hint`)}
          placeholder={t('plan.tools.placeholder')}
          maxTags={20}
          value={draft.tools[family]}
          onChange={(tools) => change((current) => ({ ...current, tools: { ...current.tools, [family]: tools } }), `tools.${family}`, `tools.${family}.*`)}
          error={errorAt(`tools.${family}`)}
          clearable
          data-testid={`plan-tools-${family}`}
        />
      ))}
      {toolsError && (
        <Alert color="red" variant="light" role="alert">
          {toolsError}
        </Alert>
      )}
      {count > manyTools && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="plan-tools-many">
          {t('plan.tools.tooMany', { count })}
        </Alert>
      )}
    </Stack>
  )
}
