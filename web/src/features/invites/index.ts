/** Invites: accepting an invite link, and managing the workspace's open invites. */
export { AcceptInvitePage } from './AcceptInvitePage'
export { InvitesSection } from './InvitesSection'
export { useInvites } from './invite-queries'
