/** Making a standalone tracked link (for a bio, a flyer, a poster): the address, a label and a campaign. */
import { Button, Group, Stack, TextInput } from '@mantine/core'
import { IconLink } from '@tabler/icons-react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../../app/Notices'
import { FormAlert } from '../../components/FormAlert'
import { required, useForm } from '../../components/use-form'
import { useCreateLink } from './measure-queries'

const shownFields = ['url', 'label', 'campaign'] as const

export function AddLinkForm() {
  const { t } = useTranslation()
  const notify = useNotice()
  const create = useCreateLink()
  const form = useForm({ url: '', label: '', campaign: '' }, { url: [required] })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!form.validate()) return
    const { url, label, campaign } = form.values
    create.mutate(
      { url: url.trim(), ...(label.trim() ? { label: label.trim() } : {}), ...(campaign.trim() ? { campaign: campaign.trim() } : {}) },
      {
        onSuccess: ({ link }) => {
          notify(t('measure.links.created', { url: link.shortUrl }))
          form.setValues({ url: '', label: '', campaign: '' })
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate data-testid="link-add">
      <Stack gap="sm">
        <TextInput
          label={t('measure.links.url')}
          description={t('measure.links.urlHint')}
          dir="ltr"
          inputMode="url"
          {...form.field('url', create.error)}
          data-testid="link-url"
        />
        <Group grow align="flex-start" preventGrowOverflow={false}>
          <TextInput label={t('measure.links.label')} description={t('measure.links.labelHint')} dir="auto" {...form.field('label', create.error)} data-testid="link-label" />
          <TextInput label={t('measure.links.campaign')} description={t('measure.links.campaignHint')} dir="auto" {...form.field('campaign', create.error)} data-testid="link-campaign" />
        </Group>
        <FormAlert error={create.error} fields={shownFields} />
        <Group>
          <Button type="submit" leftSection={<IconLink size={16} />} loading={create.isPending} data-testid="link-create">
            {t('measure.links.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
