/**
 * The strategic plan and the results page: building the plan in seven steps, the living plan with
 * its live measures, a plan shared by link, and the results page an owner publishes for others
 * (its settings and the public page). Routes and navigation are wired by the app.
 */
export { PlanPage } from './PlanPage'
export { PlanBuilderPage } from './PlanBuilderPage'
export { SharedPlanPage } from './SharedPlanPage'
export { ResultsSettingsPage } from './ResultsSettingsPage'
export { SharedResultsPage } from './SharedResultsPage'
export { usePlan } from './plan-queries'
