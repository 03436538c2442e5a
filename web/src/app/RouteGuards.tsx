/**
 * Who may see which pages. First-run setup comes before everything; app pages need a session
 * (else the login page); the login page is for people not signed in yet.
 */
import type { ReactNode } from 'react'
import { Navigate, Outlet, useLocation } from 'react-router'
import { LoadError } from '../components/LoadError'
import { PageLoader } from '../components/PageLoader'
import type { SessionPayload } from './api-types'
import { paths } from './paths'
import { PublicLayout } from './PublicLayout'
import { useSessionQuery, useSetupStatus } from './session'

type Boot =
  | { kind: 'waiting'; screen: ReactNode }
  | { kind: 'setup' }
  | { kind: 'ready'; session: SessionPayload | null }

/** Where start-up stands: still loading (or failed), setup needed, or ready with a session or none. */
function useBoot(): Boot {
  const setup = useSetupStatus()
  const session = useSessionQuery()
  if (setup.data?.needed) return { kind: 'setup' }
  const failed = setup.error ?? session.error
  if (failed) {
    const retry = () => void Promise.all([setup.refetch(), session.refetch()])
    return { kind: 'waiting', screen: <PublicLayout><LoadError error={failed} onRetry={retry} /></PublicLayout> }
  }
  if (setup.isPending || session.isPending) return { kind: 'waiting', screen: <PageLoader /> }
  return { kind: 'ready', session: session.data ?? null }
}

/** App pages: signed-in people only. */
export function RequireSession() {
  const boot = useBoot()
  const location = useLocation()
  if (boot.kind === 'waiting') return boot.screen
  if (boot.kind === 'setup') return <Navigate to={paths.setup} replace />
  if (!boot.session) return <Navigate to={paths.login} replace state={{ from: `${location.pathname}${location.search}` }} />
  return <Outlet />
}

function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string' && state.from.startsWith('/')) return state.from
  return paths.home
}

/** The login page: once signed in, back to where the person was going. */
export function GuestOnly() {
  const boot = useBoot()
  const location = useLocation()
  if (boot.kind === 'waiting') return boot.screen
  if (boot.kind === 'setup') return <Navigate to={paths.setup} replace />
  if (boot.session) return <Navigate to={returnPath(location.state)} replace />
  return <Outlet />
}

/** The first-run page: only while Stagecraft has no owner yet. */
export function SetupOnly() {
  const setup = useSetupStatus()
  if (setup.error) return <PublicLayout><LoadError error={setup.error} onRetry={() => void setup.refetch()} /></PublicLayout>
  if (setup.isPending) return <PageLoader />
  if (!setup.data.needed) return <Navigate to={paths.home} replace />
  return <Outlet />
}
