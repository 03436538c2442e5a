/**
 * The results page's settings (/coach/results), for the stage where an owner passes on what
 * worked: which figures the public page shows, a few words of their own, and whether it is
 * published. Once published, its address with a copy button and a link to see it as others will.
 */
import { Anchor, Button, Card, Checkbox, Group, SimpleGrid, Stack, Switch, Text, Textarea, Title } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { resultFigures, type ResultFigure, type ResultsSettings } from '../../app/coach-types'
import { useNotice } from '../../app/Notices'
import { autoDirection } from '../../components/bidi'
import { FormAlert } from '../../components/FormAlert'
import { fieldError } from '../../components/form-errors'
import { QueryState } from '../../components/QueryState'
import { SecretReveal } from '../../components/SecretReveal'
import { useResultsSettings, useSaveResultsSettings } from './plan-queries'

const shownFields = ['figures', 'story', 'published'] as const

function ResultsForm({ settings }: { settings: ResultsSettings }) {
  const { t } = useTranslation()
  const notify = useNotice()
  const save = useSaveResultsSettings()
  const [figures, setFigures] = useState<ResultFigure[]>(settings.figures)
  const [story, setStory] = useState(settings.story)
  const [published, setPublished] = useState(settings.published)

  const figuresError = fieldError(save.error, 'figures')
  const storyError = fieldError(save.error, 'story')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    // Keep the figures in the page's own order, whatever order they were ticked in.
    const ordered = resultFigures.filter((figure) => figures.includes(figure))
    save.mutate({ figures: ordered, story: story.trim(), published }, { onSuccess: () => notify(t('plan.results.saved')) })
  }

  return (
    <form onSubmit={submit} noValidate data-testid="results-form">
      <Stack gap="lg">
        <Card>
          <Checkbox.Group
            label={t('plan.results.figures')}
            description={t('plan.results.figuresHint')}
            value={figures}
            onChange={(value) => setFigures(value as ResultFigure[])}
            error={figuresError}
            data-testid="results-figures"
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
              {resultFigures.map((figure) => (
                <Checkbox key={figure} value={figure} label={t(`plan.resultFigures.${figure}`)} data-testid={`results-figure-${figure}`} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Card>
        <Textarea
          ref={autoDirection}
          label={t('plan.results.story')}
          description={t('plan.results.storyHint')}
          placeholder={t('plan.results.storyPlaceholder')}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={1000}
          value={story}
          onChange={(event) => setStory(event.currentTarget.value)}
          error={storyError}
          data-testid="results-story"
        />
        <Switch
          label={t('plan.results.published')}
          description={t('plan.results.publishedHint')}
          checked={published}
          onChange={(event) => setPublished(event.currentTarget.checked)}
          data-testid="results-published"
        />
        <FormAlert error={save.error} fields={shownFields} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="results-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function PublicAddress({ settings }: { settings: ResultsSettings }) {
  const { t } = useTranslation()
  if (!settings.published || !settings.url) {
    return (
      <Text size="sm" c="dimmed" data-testid="results-not-published">
        {t('plan.results.notPublished')}
      </Text>
    )
  }
  return (
    <Card data-testid="results-public">
      <Stack gap="sm">
        <SecretReveal label={t('plan.results.url')} value={settings.url} data-testid="results-url" />
        <Anchor href={settings.url} target="_blank" rel="noopener" size="sm" data-testid="results-preview">
          <Group gap={4} component="span">
            {t('plan.results.preview')}
            <IconExternalLink size={14} />
          </Group>
        </Anchor>
      </Stack>
    </Card>
  )
}

export function ResultsSettingsPage() {
  const { t } = useTranslation()
  const settings = useResultsSettings()
  return (
    <Stack gap="lg" maw={800} data-testid="results-settings">
      <Stack gap={4}>
        <Title order={1} fz={26}>
          {t('plan.results.title')}
        </Title>
        <Text c="dimmed">{t('plan.results.intro')}</Text>
      </Stack>
      <QueryState query={settings}>
        {(data) => (
          <Stack gap="lg">
            <PublicAddress settings={data} />
            <ResultsForm settings={data} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  )
}
