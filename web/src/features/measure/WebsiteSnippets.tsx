/**
 * Link tracking on or off, and what to paste into the business's website: the script and the
 * conversion call, the pixel, the server call with an API key, and the "How did you hear about
 * us?" form as an iframe or through the script.
 */
import { Card, Code, Group, Stack, Switch, Tabs, Text, Title } from '@mantine/core'
import { IconBrowser, IconCode, IconMessageQuestion, IconPhoto, IconServer } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { MeasureSettings } from '../../app/measure-types'
import { useNotice } from '../../app/Notices'
import { FormAlert } from '../../components/FormAlert'
import { CodeSnippet } from './CodeSnippet'
import { useSaveMeasureSettings } from './measure-queries'

export function LinkTracking({ settings, editable }: { settings: MeasureSettings; editable: boolean }) {
  const { t } = useTranslation()
  const notify = useNotice()
  const save = useSaveMeasureSettings()
  return (
    <Card>
      <Stack gap="sm">
        <Switch
          size="md"
          label={t('measure.tracking.label')}
          description={editable ? t('measure.tracking.hint') : t('measure.tracking.adminsOnly')}
          checked={settings.trackLinks}
          disabled={!editable || save.isPending}
          onChange={(event) => {
            const trackLinks = event.currentTarget.checked
            save.mutate({ trackLinks }, { onSuccess: () => notify(t(trackLinks ? 'measure.tracking.turnedOn' : 'measure.tracking.turnedOff')) })
          }}
          data-testid="measure-track-links"
        />
        <FormAlert error={save.error} />
      </Stack>
    </Card>
  )
}

export function WebsiteSnippets({ settings }: { settings: MeasureSettings }) {
  const { t } = useTranslation()
  const { snippets } = settings
  return (
    <Card>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="lg">
            {t('measure.snippets.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('measure.snippets.intro')}
          </Text>
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {t('measure.snippets.siteKey')}
            </Text>
            <Code dir="ltr" data-testid="measure-site-key">
              {settings.siteKey}
            </Code>
          </Group>
        </Stack>
        <Tabs defaultValue="script" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="script" leftSection={<IconBrowser size={16} />} data-testid="snippet-tab-script">
              {t('measure.snippets.tabs.script')}
            </Tabs.Tab>
            <Tabs.Tab value="pixel" leftSection={<IconPhoto size={16} />} data-testid="snippet-tab-pixel">
              {t('measure.snippets.tabs.pixel')}
            </Tabs.Tab>
            <Tabs.Tab value="server" leftSection={<IconServer size={16} />} data-testid="snippet-tab-server">
              {t('measure.snippets.tabs.server')}
            </Tabs.Tab>
            <Tabs.Tab value="form" leftSection={<IconMessageQuestion size={16} />} data-testid="snippet-tab-form">
              {t('measure.snippets.tabs.form')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="script" pt="md">
            <Stack gap="lg">
              <CodeSnippet label={t('measure.snippets.scriptLabel')} hint={t('measure.snippets.scriptHint')} code={snippets.script} data-testid="snippet-script" />
              <CodeSnippet label={t('measure.snippets.convertLabel')} hint={t('measure.snippets.convertHint')} code={`<script>\n  ${snippets.convertCall}\n</script>`} data-testid="snippet-convert" />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="pixel" pt="md">
            <CodeSnippet label={t('measure.snippets.pixelLabel')} hint={t('measure.snippets.pixelHint')} code={snippets.pixel} data-testid="snippet-pixel" />
          </Tabs.Panel>
          <Tabs.Panel value="server" pt="md">
            <CodeSnippet label={t('measure.snippets.serverLabel')} hint={t('measure.snippets.serverHint')} code={snippets.server} data-testid="snippet-server" />
          </Tabs.Panel>
          <Tabs.Panel value="form" pt="md">
            <Stack gap="lg">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <IconCode size={18} style={{ flexShrink: 0 }} />
                <Text size="sm">{t('measure.snippets.formIntro')}</Text>
              </Group>
              <CodeSnippet label={t('measure.snippets.formScriptLabel')} hint={t('measure.snippets.formScriptHint')} code={snippets.hearFormScript} data-testid="snippet-form-script" />
              <CodeSnippet label={t('measure.snippets.formIframeLabel')} hint={t('measure.snippets.formIframeHint')} code={snippets.hearFormIframe} data-testid="snippet-form-iframe" />
            </Stack>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Card>
  )
}
