/** Settings → Team: the members, and for those who may invite, the open invites. */
import { Stack } from '@mantine/core'
import { useCan } from '../../app/session'
import { NoAccess } from '../../components/NoAccess'
import { InvitesSection } from '../invites'
import { MembersSection } from './MembersSection'

export function TeamSettings() {
  const canSee = useCan('members.read')
  const canInvite = useCan('invites.manage')
  if (!canSee) return <NoAccess />
  return (
    <Stack gap="lg">
      <MembersSection />
      {canInvite && <InvitesSection />}
    </Stack>
  )
}
