/**
 * The 4E a post serves (Educate, Entertain, Engage, Empower), each with one line saying what it
 * means, so the content mix can be planned and measured. Optional; can be cleared.
 */
import { Anchor, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconBulb, IconHeartHandshake, IconMessageCircle, IconMoodSmile } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { contentTypes, type ContentType } from '../../app/publish-types'

const icons: Record<ContentType, ReactNode> = {
  educate: <IconBulb size={18} />,
  entertain: <IconMoodSmile size={18} />,
  engage: <IconMessageCircle size={18} />,
  empower: <IconHeartHandshake size={18} />,
}

export function isContentType(value: string): value is ContentType {
  return (contentTypes as readonly string[]).includes(value)
}

export function ContentTypePicker({ value, onChange }: { value: ContentType | null; onChange: (value: ContentType | null) => void }) {
  const { t } = useTranslation()
  return (
    <Radio.Group
      label={t('compose.contentType.label')}
      description={t('compose.contentType.hint')}
      value={value}
      onChange={(next) => onChange(isContentType(next) ? next : null)}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
        {contentTypes.map((type) => (
          <Radio.Card key={type} value={type} radius="md" p="xs" data-testid={`content-type-${type}`}>
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Radio.Indicator mt={2} />
              <Stack gap={0}>
                <Group gap={6} wrap="nowrap">
                  {icons[type]}
                  <Text size="sm" fw={600}>
                    {t(`contentTypes.${type}.name`)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {t(`contentTypes.${type}.hint`)}
                </Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
      {value && (
        <Anchor component="button" type="button" size="xs" mt={6} onClick={() => onChange(null)}>
          {t('compose.contentType.clear')}
        </Anchor>
      )}
    </Radio.Group>
  )
}
