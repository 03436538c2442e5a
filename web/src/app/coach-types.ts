/**
 * The coach API's shapes as the web app sees them (the server's presenters produce exactly
 * these). Sentences arrive already translated into the person's language.
 */

export type Stage = 1 | 2 | 3 | 4 | 5 | 6
export const stages: readonly Stage[] = [1, 2, 3, 4, 5, 6]

export const contentTypes = ['educate', 'entertain', 'engage', 'empower'] as const
export type ContentType = (typeof contentTypes)[number]
export const toolFamilies = ['networking', 'collaboration', 'multimedia', 'entertainment'] as const
export type ToolFamily = (typeof toolFamilies)[number]
export const measureKinds = ['media', 'word_of_mouth', 'web_analytics', 'opinion'] as const
export type MeasureKind = (typeof measureKinds)[number]
export const equityParts = ['connection', 'familiarity', 'viral', 'value'] as const
export type EquityPart = (typeof equityParts)[number]
export const goalMetrics = [
  'posts_per_week',
  'weeks_with_posts',
  'reply_rate',
  'median_response_hours',
  'mentions_per_week',
  'followers',
  'engagement_rate',
  'clicks',
  'conversions',
  'revenue',
  'heard_via_social',
  'check_ins_per_week',
] as const
export type GoalMetric = (typeof goalMetrics)[number]
export const goalAreas = ['pr', 'marketing', 'brand', 'innovation', 'crowdsourcing', 'culture', 'market_engagement', 'sales', 'support'] as const
export type GoalArea = (typeof goalAreas)[number]

/** GET /api/coach/questionnaire */
export interface Questionnaire {
  /** Question ids in order, each with its option ids in order. Labels: web catalog `coach.questions.<id>.text` and `.options.<option>`. */
  questions: Array<{ id: string; options: string[] }>
  answers: Record<string, string>
  answeredAt: number | null
}

export interface EvidenceView {
  text: string
  source: 'answers' | 'activity'
  pointsTo: Stage | null
}

export interface NextStepView {
  id: string
  title: string
  why: string
  /** The feature the step opens: listen, handles, compose, accounts, queue, ideas, checkins, inbox, measure, plan, share, team. */
  target: string
  done: boolean
}

/** GET /api/coach/assessment; PUT /api/coach/answers and POST /api/coach/assess answer the same. */
export interface AssessmentResponse {
  current: {
    stage: Stage
    answersStage: Stage | null
    activityStage: Stage
    decidedBy: 'both' | 'answers' | 'activity'
    evidence: EvidenceView[]
    /** Why answers or activity decided, when they disagree. */
    disagreement: string | null
    /** What the coach cannot read yet. */
    waitingFor: string[]
    assessedAt: number
  } | null
  history: Array<{ stage: Stage; assessedAt: number }>
  nextSteps: NextStepView[]
}

export interface PlanGoal {
  id: string
  area: GoalArea
  text: string
  metric: GoalMetric
  target: number
  /** yyyy-mm-dd */
  due: string
}

export interface Plan {
  goals: PlanGoal[]
  limits: string
  audience: string
  networks: Array<{ network: string; why: string }>
  mix: Partial<Record<ContentType, number>>
  tools: Partial<Record<ToolFamily, string[]>>
  measures: MeasureKind[]
  equityTargets: Partial<Record<EquityPart, number>>
  hoursPerWeek: number
  people: Array<{ name: string; role: string; hoursPerWeek: number }>
  contentSources: string[]
  risks: string
  reviewDates: string[]
}

export interface GoalLive {
  goalId: string
  /** The live value, or null while the data it needs does not exist. */
  value: number | null
  status: 'met' | 'on_track' | 'behind' | 'waiting'
  /** Progress 0–1 toward the target, null while waiting. */
  progress: number | null
  /** When waiting: what for, as a sentence. */
  waitingFor: string | null
}

/** GET /api/coach/plan, PUT /api/coach/plan (body: { plan: Plan }) */
export interface PlanResponse {
  plan: Plan | null
  updatedAt: number | null
  live: GoalLive[]
  /** The fuel check: planned hours against what the last 4 weeks show, as a sentence; null without a plan. */
  fuel: { plannedHours: number; actualHours: number | null; text: string } | null
  /** The mix of the last 8 weeks' posts in percent, to compare with the plan's. */
  actualMix: Partial<Record<ContentType, number>>
  /** Public read-only link, when shared. */
  shareUrl: string | null
}

/** POST /api/coach/plan/suggest-mix, body { teamSize, hoursPerWeek, areas } */
export interface MixSuggestion {
  mix: Partial<Record<ContentType, number>>
  reasons: string[]
}

/** GET /api/public/plans/:token (no sign-in) */
export interface PublicPlan {
  workspaceName: string
  plan: Plan
  live: GoalLive[]
  updatedAt: number
}

/** POST /api/coach/value-check, body { text, contentType: ContentType | null } */
export interface ValueCheckResponse {
  hints: Array<{ rule: string; text: string }>
}

/** GET /api/coach/handles?name=… */
export interface HandleCheckResponse {
  name: string
  results: Array<{
    network: string
    displayName: string
    /** The full handle checked on that network (e.g. name.bsky.social, @name@mastodon.social). */
    handle: string
    status: 'available' | 'taken' | 'invalid' | 'unknown'
    /** Why invalid or unknown, as a sentence. */
    reason: string | null
    server: string
  }>
}

/** GET /api/coach/handles/checklist; PUT with body { items } */
export interface HandleChecklist {
  items: Array<{ network: string; handle: string; reserved: boolean }>
}

/** The figures a results page can show. */
export const resultFigures = ['stage', 'posts', 'weeks_with_posts', 'reply_rate', 'response_time', 'mentions', 'goals_met', 'tools'] as const
export type ResultFigure = (typeof resultFigures)[number]

/** GET /api/coach/results; PUT with body { figures, story, published } */
export interface ResultsSettings {
  figures: ResultFigure[]
  /** A few words from the owner. */
  story: string
  published: boolean
  url: string | null
}

/** GET /api/public/results/:token (no sign-in) */
export interface PublicResults {
  workspaceName: string
  story: string
  figures: Array<{ id: ResultFigure; label: string; value: string }>
  goalsMet: Array<{ text: string; target: number; value: number }>
  tools: string[]
  stage: Stage | null
}
