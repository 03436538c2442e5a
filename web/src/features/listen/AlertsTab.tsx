/** The alerts tab (/listen/alerts): the alerts themselves, then where they go and what may happen on its own. */
import { Grid, Stack } from '@mantine/core'
import { QueryState } from '../../components/QueryState'
import { AlertChannels } from './AlertChannels'
import { AlertList } from './AlertList'
import { AlertSettings } from './AlertSettings'
import { useListenPermissions, useListenSettings } from './listen-queries'

export function AlertsTab() {
  const { canConfigure } = useListenPermissions()
  const settings = useListenSettings()
  return (
    <Grid gap="lg" data-testid="alerts-tab">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <AlertList />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <QueryState query={settings}>
          {(data) => (
            <Stack gap="lg">
              <AlertSettings settings={data.settings} canConfigure={canConfigure} />
              <AlertChannels channels={data.channels} emailAvailable={data.settings.emailAvailable} canConfigure={canConfigure} />
            </Stack>
          )}
        </QueryState>
      </Grid.Col>
    </Grid>
  )
}
