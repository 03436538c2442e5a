/**
 * The workspace's tracked links with their clicks (bots apart) and conversions, each with its QR
 * image and a PNG to download; links can be made and deleted by those who may write.
 */
import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { TrackedLink } from '../../app/measure-types'
import { useNotice } from '../../app/Notices'
import { ConfirmButton } from '../../components/ConfirmButton'
import { DataTable } from '../../components/DataTable'
import { QueryState } from '../../components/QueryState'
import { useFormatters } from '../../i18n/format'
import { AddLinkForm } from './AddLinkForm'
import { linkQrUrl, useDeleteLink, useTrackedLinks } from './measure-queries'

function LinkRow({ link, canWrite, networkName }: { link: TrackedLink; canWrite: boolean; networkName: (id: string) => string }) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const notify = useNotice()
  const remove = useDeleteLink()
  const name = link.label ?? link.shortUrl
  return (
    <Table.Tr data-testid={`link-${link.id}`}>
      <Table.Td maw={320}>
        <Stack gap={2}>
          {link.label && (
            <Text size="sm" fw={600} dir="auto" ta="start">
              {link.label}
            </Text>
          )}
          <Anchor href={link.shortUrl} target="_blank" rel="noreferrer" size="sm" dir="ltr" ta="start" data-testid="link-short-url">
            {link.shortUrl}
          </Anchor>
          <Text size="xs" c="dimmed" dir="ltr" ta="start" truncate="end" title={link.url}>
            {link.url}
          </Text>
          {(link.campaign || link.network) && (
            <Text size="xs" c="dimmed">
              {link.network ? t('measure.links.fromPost', { network: networkName(link.network) }) : t('measure.links.campaignIs', { campaign: link.campaign })}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td data-testid="link-clicks">{formatNumber(link.clicks)}</Table.Td>
      <Table.Td c="dimmed">{formatNumber(link.botClicks)}</Table.Td>
      <Table.Td data-testid="link-conversions">{formatNumber(link.conversions)}</Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <img src={linkQrUrl(link.id, 'svg')} width={72} height={72} alt={t('measure.links.qrAlt', { url: link.shortUrl })} style={{ background: 'white' }} data-testid="link-qr" />
          <Anchor href={linkQrUrl(link.id, 'png', 1024)} download={`${link.code}.png`} size="xs" data-testid="link-qr-png">
            <Group gap={4} wrap="nowrap">
              <IconDownload size={14} />
              {t('measure.links.downloadPng')}
            </Group>
          </Anchor>
        </Stack>
      </Table.Td>
      <Table.Td>
        {canWrite && (
          <ConfirmButton
            label={t('measure.links.remove')}
            title={t('measure.links.removeTitle', { name })}
            message={t('measure.links.removeMessage')}
            confirmLabel={t('measure.links.remove')}
            onConfirm={() => remove.mutateAsync(link.id).then(() => notify(t('measure.links.removed', { name })))}
            data-testid={`link-remove-${link.id}`}
          />
        )}
      </Table.Td>
    </Table.Tr>
  )
}

export function TrackedLinks({ canWrite, networkName }: { canWrite: boolean; networkName: (id: string) => string }) {
  const { t } = useTranslation()
  const links = useTrackedLinks()
  return (
    <Card>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="lg">
            {t('measure.links.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('measure.links.intro')}
          </Text>
        </Stack>
        {canWrite && <AddLinkForm />}
        <QueryState query={links}>
          {(list) =>
            list.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="links-none">
                {t('measure.links.none')}
              </Text>
            ) : (
              <Stack gap="sm">
                <DataTable
                  headings={[t('measure.links.columns.link'), t('measure.links.columns.clicks'), t('measure.links.columns.bots'), t('measure.links.columns.conversions'), t('measure.links.columns.qr')]}
                  minWidth={720}
                  data-testid="links-table"
                >
                  {list.map((link) => (
                    <LinkRow key={link.id} link={link} canWrite={canWrite} networkName={networkName} />
                  ))}
                </DataTable>
                {links.hasNextPage && (
                  <Group justify="center">
                    <Button variant="default" size="xs" loading={links.isFetchingNextPage} onClick={() => void links.fetchNextPage()} data-testid="links-more">
                      {t('measure.showMore')}
                    </Button>
                  </Group>
                )}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Card>
  )
}
