/**
 * The shapes the coach's pure rules work on: the questionnaire's answers, the signals read from a
 * workspace's real activity, the stage with its evidence, next steps, the strategic plan and the
 * value check's hints. Every sentence a person reads is a catalog key with its params, so the
 * rules stay free of any language.
 */

/** The six stages of adoption, 1 ("I don't need it") to 6 ("evangelist"). */
export type Stage = 1 | 2 | 3 | 4 | 5 | 6

/** A sentence for a person: a server catalog key (under `coach.`) and its ICU params. */
export interface Message {
  key: string
  params: Record<string, string | number>
}

/** Question id → chosen option id (one per question; unanswered questions are left out). */
export type Answers = Record<string, string>

/**
 * What the workspace's real data says. `null` means "no data yet" (the feature that would give it
 * is not used yet, or has nothing to read): the stage model then leaves that signal out and says
 * what it is waiting for, instead of reading it as zero.
 */
export interface CoachSignals {
  /** Network accounts connected and usable. */
  connectedAccounts: number
  /** Weeks (of the last 8, in the workspace's time zone) with at least one published post. */
  weeksWithPosts: number
  /** Posts published in the last 8 weeks. */
  postsPublished: number
  /** Share (0–1) of those posts published automatically (a feed's auto-publish) without an edit; null without posts. */
  automatedShare: number | null
  /** Conversations people started with us (inbox items, mentions) in the last 8 weeks, and how many got an answer from the app. */
  conversations: { received: number; answered: number; medianResponseMs: number | null } | null
  /** Daily check-ins completed in the last 4 weeks; null while no check-in routine is set. */
  checkInsDone: number | null
  /** Engagement of the last 4 weeks over the 4 before (1 = flat); null without metrics. */
  engagementTrend: number | null
  /** Referral visits (tracked clicks) of the last 4 weeks over the 4 before; null without tracked links. */
  referralTrend: number | null
  /** "How did you hear about us?" answers naming a social network, last 8 weeks; null without the form. */
  heardViaSocial: number | null
  /** Active listening queries. */
  listeningQueries: number
  /** Mentions found by listening in the last 8 weeks. */
  mentionsFound: number
  /** Listening reports or measure dashboards opened in the last 4 weeks. */
  reportsViewed: number
  /** Whether an influence or results measure is tracked (a plan goal tied to a live measure). */
  measuresTracked: number
  /** Public results pages or plans shared by link. */
  resultsShared: number
  /** People in the workspace besides the owner. */
  teammates: number
  /** Whether a strategic plan exists. */
  hasPlan: boolean
  /** Hours of activity per week over the last 4 weeks, estimated from what was done in the app; null without activity. */
  hoursPerWeek: number | null
  /** Posting slots defined for the queue. */
  queueSlots: number
  /** Blog feeds set to publish on their own, without review. */
  autoPublishFeeds: number
  /** Handles ticked as reserved on the handle checklist. */
  handlesReserved: number
  /**
   * Added by the coach rules: whole weeks since the first account was connected here, capped at
   * 8 — how much of the 8-week window the weekly signals can cover. Left out, the full 8 weeks
   * are assumed; under 4, habits are too new to read and the answers decide.
   */
  weeksConnected?: number
  /** Added by the coach rules: listening alert rules set up (left out while unknown: that step stays open). */
  alertRules?: number
}

/** One piece of evidence: the sentence, and which way it pointed. */
export interface Evidence {
  message: Message
  /** The stage this signal or answer points to, when it points to one. */
  pointsTo?: Stage
  source: 'answers' | 'activity'
}

export interface Assessment {
  stage: Stage
  /** The stage the answers alone give (null with too few answers). */
  answersStage: Stage | null
  /** The stage the activity alone gives. */
  activityStage: Stage
  /** Which one decided when they disagree, and why. */
  decidedBy: 'both' | 'answers' | 'activity'
  evidence: Evidence[]
  /** Present when answers and activity disagree: the sentence saying which decided and why. */
  disagreement: Message | null
  /** Signals that could not be read yet, each as a sentence ("no replies tracked yet"). */
  waitingFor: Message[]
}

/** The features a next step opens; the web app maps each to a page. */
export type StepTarget =
  | 'listen'
  | 'handles'
  | 'compose'
  | 'accounts'
  | 'queue'
  | 'ideas'
  | 'checkins'
  | 'inbox'
  | 'measure'
  | 'plan'
  | 'share'
  | 'team'

export interface NextStep {
  id: string
  stage: Stage
  title: Message
  why: Message
  target: StepTarget
  /** Ticked from real data, never by hand. */
  done: boolean
}

export const contentTypes = ['educate', 'entertain', 'engage', 'empower'] as const
export type ContentType = (typeof contentTypes)[number]

/** Whether a stored value (a post's 4E column) is one of the four content types. */
export function isContentType(value: string | null): value is ContentType {
  return value !== null && (contentTypes as readonly string[]).includes(value)
}

export const toolFamilies = ['networking', 'collaboration', 'multimedia', 'entertainment'] as const
export type ToolFamily = (typeof toolFamilies)[number]

export const measureKinds = ['media', 'word_of_mouth', 'web_analytics', 'opinion'] as const
export type MeasureKind = (typeof measureKinds)[number]

export const equityParts = ['connection', 'familiarity', 'viral', 'value'] as const
export type EquityPart = (typeof equityParts)[number]

/** What a goal's live value is read from. */
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

/** Business areas social media serves; `sales_direct` and `other` are the limits step's honesty. */
export const goalAreas = ['pr', 'marketing', 'brand', 'innovation', 'crowdsourcing', 'culture', 'market_engagement', 'sales', 'support'] as const
export type GoalArea = (typeof goalAreas)[number]

export interface PlanGoal {
  id: string
  area: GoalArea
  /** The goal in the owner's words. */
  text: string
  metric: GoalMetric
  target: number
  /** ISO date (yyyy-mm-dd) in the workspace's zone. */
  due: string
}

export interface PlanPerson {
  name: string
  role: string
  hoursPerWeek: number
}

/** The seven steps' answers: the plan as stored (JSON) and shown. */
export interface Plan {
  /** Step 1 */
  goals: PlanGoal[]
  /** What the business will not ask of social media (the limits). */
  limits: string
  /** Step 2 */
  audience: string
  /** Network ids chosen, each with the reason (where the audience is). */
  networks: Array<{ network: string; why: string }>
  /** Step 3: shares in percent, summing to 100, over the Es chosen. */
  mix: Partial<Record<ContentType, number>>
  /** Step 4 */
  tools: Partial<Record<ToolFamily, string[]>>
  /** Step 5: which kinds of measure are used, and the equity targets (0–100). */
  measures: MeasureKind[]
  equityTargets: Partial<Record<EquityPart, number>>
  /** Step 6 */
  hoursPerWeek: number
  people: PlanPerson[]
  contentSources: string[]
  /** Step 7 */
  risks: string
  /** ISO dates of the next reviews. */
  reviewDates: string[]
}

/** Company facts that size suggestions (the 4E mix, the fuel). */
export interface CompanyProfile {
  /** People who will work on social media. */
  teamSize: number
  hoursPerWeek: number
  /** The main goal areas, most important first. */
  areas: GoalArea[]
}

/** A gentle hint on a draft: never a block. */
export interface ValueHint {
  rule: 'no_content_type' | 'promotional_streak' | 'link_only' | 'all_caps' | 'hashtag_stuffing' | 'mention_stuffing' | 'off_mix'
  message: Message
}
