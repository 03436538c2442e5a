/** The app's pages and who may see them. */
import { Navigate, Route, Routes } from 'react-router'
import { AccountsSettings } from '../features/accounts'
import { LoginPage } from '../features/auth'
import { CalendarPage } from '../features/calendar'
import { CoachPage, HandlesPage, QuestionnairePage } from '../features/coach'
import { ComposePage, EditPostPage } from '../features/compose'
import { HomePage } from '../features/home'
import { IdeasPage } from '../features/ideas'
import { InboxItemPanel, InboxPage } from '../features/inbox'
import { MeasureDashboardPage, MeasureSetupPage } from '../features/measure'
import { AlertsTab, ListenPage, MentionsTab, QueriesTab, SourcesTab } from '../features/listen'
import { AcceptInvitePage } from '../features/invites'
import { PlanBuilderPage, PlanPage, ResultsSettingsPage, SharedPlanPage, SharedResultsPage } from '../features/plan'
import { PostPage } from '../features/posts'
import { PublishingSettingsPage } from '../features/publishing'
import { ApiKeysSettings, ProfileSettings, SettingsPage, TeamSettings, WorkspaceSettings } from '../features/settings'
import { SetupPage } from '../features/setup'
import { useSessionLanguage } from '../i18n/use-session-language'
import { AppLayout } from './AppLayout'
import { NotFoundPage } from './NotFoundPage'
import { paths } from './paths'
import { GuestOnly, RequireSession, SetupOnly } from './RouteGuards'

export function App() {
  useSessionLanguage()
  return (
    <Routes>
      <Route element={<SetupOnly />}>
        <Route path={paths.setup} element={<SetupPage />} />
      </Route>
      <Route element={<GuestOnly />}>
        <Route path={paths.login} element={<LoginPage />} />
      </Route>
      <Route path={paths.invite} element={<AcceptInvitePage />} />
      <Route path={paths.sharedPlan} element={<SharedPlanPage />} />
      <Route path={paths.sharedResults} element={<SharedResultsPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path={paths.compose} element={<ComposePage />} />
          <Route path={paths.calendar} element={<CalendarPage />} />
          <Route path={paths.ideas} element={<IdeasPage />} />
          <Route path={paths.inbox} element={<InboxPage />}>
            <Route path={paths.inboxItem} element={<InboxItemPanel />} />
          </Route>
          <Route path={paths.listen} element={<ListenPage />}>
            <Route index element={<MentionsTab />} />
            <Route path={paths.listenQueries} element={<QueriesTab />} />
            <Route path={paths.listenSources} element={<SourcesTab />} />
            <Route path={paths.listenAlerts} element={<AlertsTab />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path={paths.coach} element={<CoachPage />} />
          <Route path={paths.coachQuestionnaire} element={<QuestionnairePage />} />
          <Route path={paths.coachHandles} element={<HandlesPage />} />
          <Route path={paths.coachPlan} element={<PlanPage />} />
          <Route path={paths.coachPlanEdit} element={<PlanBuilderPage />} />
          <Route path={paths.coachResults} element={<ResultsSettingsPage />} />
          <Route path={paths.measure} element={<MeasureDashboardPage />} />
          <Route path={paths.measureSetup} element={<MeasureSetupPage />} />
          <Route path={paths.post} element={<PostPage />} />
          <Route path={paths.postEdit} element={<EditPostPage />} />
          <Route path={paths.settings} element={<SettingsPage />}>
            <Route index element={<Navigate to={paths.settingsWorkspace} replace />} />
            <Route path={paths.settingsWorkspace} element={<WorkspaceSettings />} />
            <Route path={paths.settingsProfile} element={<ProfileSettings />} />
            <Route path={paths.settingsTeam} element={<TeamSettings />} />
            <Route path={paths.settingsAccounts} element={<AccountsSettings />} />
            <Route path={paths.settingsPublishing} element={<PublishingSettingsPage />} />
            <Route path={paths.settingsApiKeys} element={<ApiKeysSettings />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  )
}
