/** Every address of the app in one place, for routes and links alike. */
export const paths = {
  home: '/',
  setup: '/setup',
  login: '/login',
  invite: '/invite/:token',
  compose: '/compose',
  calendar: '/calendar',
  inbox: '/inbox',
  inboxItem: '/inbox/:id',
  ideas: '/ideas',
  listen: '/listen',
  listenQueries: '/listen/queries',
  listenSources: '/listen/sources',
  listenAlerts: '/listen/alerts',
  coach: '/coach',
  coachQuestionnaire: '/coach/questionnaire',
  coachPlan: '/coach/plan',
  coachPlanEdit: '/coach/plan/edit',
  coachHandles: '/coach/handles',
  coachResults: '/coach/results',
  measure: '/measure',
  measureSetup: '/measure/setup',
  sharedPlan: '/shared/plans/:token',
  sharedResults: '/shared/results/:token',
  post: '/posts/:id',
  postEdit: '/posts/:id/edit',
  settings: '/settings',
  settingsWorkspace: '/settings/workspace',
  settingsProfile: '/settings/profile',
  settingsTeam: '/settings/team',
  settingsAccounts: '/settings/accounts',
  settingsPublishing: '/settings/publishing',
  settingsApiKeys: '/settings/api-keys',
} as const

/** A post's page. */
export function postPath(id: string): string {
  return `/posts/${encodeURIComponent(id)}`
}

/** Editing a post in the composer. */
export function postEditPath(id: string): string {
  return `/posts/${encodeURIComponent(id)}/edit`
}

/** One item of the inbox, opened beside the list (or on its own on a phone). */
export function inboxItemPath(id: string): string {
  return `/inbox/${encodeURIComponent(id)}`
}
