/**
 * The stage the workspace's real activity shows (METHODOLOGY.md A, "signals we can measure"), read
 * as a ladder: present at all (2), making the turn (3), comfortable (4), tooled (5), telling
 * others (6). Signals that are `null` are left out: they neither help nor hold a stage back.
 */
import type { CoachSignals, Stage } from './types.js'

/** The thresholds the ladder uses, named so tests and the evidence share them. */
export const activityThresholds = {
  /** Weekly signals cover 8 weeks. */
  windowWeeks: 8,
  /** Posting in at least this share of the window's weeks is "most weeks" (6 of 8). */
  mostWeeksShare: 0.75,
  /** Posting in fewer than this share of the weeks is irregular (3 of 8 or fewer). */
  steadyWeeksShare: 0.5,
  /** An automated share at or above this is "high" (blind automation). */
  highAutomation: 0.5,
  /** Answering at least this share of conversations is "most". */
  comfortableReplyRate: 0.7,
  /** "Within a day": the median response time at most this. */
  responseWithinMs: 24 * 60 * 60 * 1000,
  /** Answering fewer than this share (or none) is "almost no replies". */
  almostNoReplyRate: 0.1,
  /** Check-ins in 4 weeks that make a kept routine (about three a week). */
  routineCheckIns: 12,
  /** A trend (last 4 weeks over the 4 before) at or above this is rising, at or below `fallingTrend` falling, flat between. */
  risingTrend: 1.1,
  fallingTrend: 0.9,
  /** Weeks of data before habits can be read at all. */
  minWeeksToRead: 4,
} as const

const t = activityThresholds

/** The weeks the weekly signals cover: 8, or fewer when the first account was connected recently. */
export function observedWeeks(signals: CoachSignals): number {
  const connected = signals.weeksConnected
  if (connected === undefined || !Number.isFinite(connected)) return t.windowWeeks
  return Math.min(t.windowWeeks, Math.max(1, Math.floor(connected)))
}

/** Weeks with posts needed for "most weeks" in the observed window (6 of 8). */
export function mostWeeks(window: number): number {
  return Math.ceil(window * t.mostWeeksShare)
}

/** Weeks with posts needed for steady (not irregular) posting in the window (4 of 8). */
export function steadyWeeks(window: number): number {
  return Math.ceil(window * t.steadyWeeksShare)
}

/** True when the automated share is high (a feed posts blindly). */
export function automationHigh(signals: CoachSignals): boolean {
  return signals.automatedShare !== null && signals.automatedShare >= t.highAutomation
}

/** True when at least one conversation got an answer from the app. */
export function firstReplies(signals: CoachSignals): boolean {
  return signals.conversations !== null && signals.conversations.answered >= 1
}

/** True when nothing, or almost nothing, is answered (untracked conversations count as no replies seen). */
export function almostNoReplies(signals: CoachSignals): boolean {
  const c = signals.conversations
  if (c === null || c.answered === 0) return true
  return c.received > 0 && c.answered / c.received < t.almostNoReplyRate
}

/**
 * Whether replies meet stage 4: at least 70% answered and the median answer within a day. `null`
 * when it cannot be read (replies untracked, or nobody wrote): the criterion is then left out.
 */
export function repliesComfortable(signals: CoachSignals): boolean | null {
  const c = signals.conversations
  if (c === null || c.received === 0) return null
  const rateOk = c.answered / c.received >= t.comfortableReplyRate
  const fastOk = c.medianResponseMs === null || c.medianResponseMs <= t.responseWithinMs
  return rateOk && fastOk
}

/** Whether the check-in routine is kept; `null` while no routine is set (left out). */
export function checkInsKept(signals: CoachSignals): boolean | null {
  return signals.checkInsDone === null ? null : signals.checkInsDone >= t.routineCheckIns
}

/** Stage 4's behaviour: most weeks posted, by hand rather than by a feed, replies and check-ins kept where readable. */
export function isComfortable(signals: CoachSignals): boolean {
  const regular = signals.weeksWithPosts >= mostWeeks(observedWeeks(signals))
  // A feed posting every week on its own is stage 2's blind automation, not a habit.
  return regular && !automationHigh(signals) && repliesComfortable(signals) !== false && checkInsKept(signals) !== false
}

/** Stage 5's tools: listening that finds mentions, reports opened, a measure tracked. */
export function usesTools(signals: CoachSignals): boolean {
  return signals.listeningQueries > 0 && signals.mentionsFound > 0 && signals.reportsViewed > 0 && signals.measuresTracked > 0
}

/** The turn of stage 3: automation low (or stopped) and first replies or check-ins. */
export function showsTurn(signals: CoachSignals): boolean {
  return !automationHigh(signals) && (firstReplies(signals) || (signals.checkInsDone !== null && signals.checkInsDone >= 1))
}

/**
 * The other face of stage 3, "it doesn't work": steady posting (not irregular, not a feed with no
 * replies) while engagement stays flat or falls.
 */
export function postingWithoutResults(signals: CoachSignals): boolean {
  const steady = signals.weeksWithPosts >= steadyWeeks(observedWeeks(signals))
  const heldByAutomation = automationHigh(signals) && almostNoReplies(signals)
  return steady && !heldByAutomation && signals.engagementTrend !== null && signals.engagementTrend < t.risingTrend
}

/**
 * The stage the activity alone shows:
 * 1 nothing connected and nothing posted; 2 present but irregular, or automated with almost no
 * replies (the default once present); 3 the turn, or steady posting with flat/falling engagement;
 * 4 posting in most weeks, most conversations answered within a day, check-ins kept if a routine
 * is set; 5 stage 4 plus listening with mentions found, reports viewed and a measure tracked;
 * 6 stage 5 plus results shared.
 */
export function activityStage(signals: CoachSignals): Stage {
  if (signals.connectedAccounts === 0 && signals.postsPublished === 0) return 1
  if (isComfortable(signals)) {
    if (!usesTools(signals)) return 4
    return signals.resultsShared > 0 ? 6 : 5
  }
  if (showsTurn(signals) || postingWithoutResults(signals)) return 3
  return 2
}

/**
 * Whether the app has enough activity to read habits from: an account connected, something
 * published through it, and at least 4 weeks since the first connection (when known). Without
 * that, an owner who posts from the networks' own apps would look like a beginner here.
 */
export function hasEnoughActivity(signals: CoachSignals): boolean {
  return signals.connectedAccounts > 0 && signals.postsPublished > 0 && observedWeeks(signals) >= t.minWeeksToRead
}
