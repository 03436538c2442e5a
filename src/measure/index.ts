/**
 * Measuring hard numbers: tracked short links (a post's links rewritten when it is published, and
 * standalone links with their QR images), the redirect that counts each click (bots apart, no
 * raw addresses: a daily-salted visitor hash) and writes clicks in batches, and the workspace's
 * measuring settings with the website snippets. Other features and the server import this file only.
 */
import { scheduleRecurring, type JobQueue } from '../jobs/index.js'
import type { PublishContext } from '../publish/index.js'
import type { MeasureContext } from './context.js'
import { syncAllMetrics, syncMetricsEveryMs, syncMetricsJobName } from './metrics-sync.js'
import { rollAll } from './rollups.js'
import { utcDay } from './visitors.js'

export { createMeasureContext, type MeasureActor, type MeasureContext } from './context.js'
export { createLinkCache, prepareLink, type CachedLink, type LinkCache } from './link-cache.js'
export { createClickWriter, type ClickCounters, type ClickWriter, type PendingClick } from './click-writer.js'
export { classifyAgent, createAgentClassifier, isPreviewFetcher, type AgentClass, type DeviceClass } from './devices.js'
export { createVisitorSalts, utcDay, visitorHash, type VisitorSalts } from './visitors.js'
export { addUtm, utmSlug, type UtmTags } from './utm.js'
export {
  createStandaloneLink,
  deleteLink,
  getLink,
  isLinkCode,
  linkCodeLength,
  listLinks,
  newLinkCode,
  shortLinkLength,
  shortUrl,
  trackTargetLinks,
  type LinkPage,
  type StandaloneLinkInput,
  type TargetLinksInput,
} from './links.js'
export { countryCode, firstLanguage, redirectClick, referrerHost, type ClickRequest, type RedirectOutcome } from './redirect.js'
export { getMeasureSettings, measureSnippets, updateMeasureSettings, type MeasureSettingsView, type MeasureSnippets } from './settings.js'
export { linkQr, type QrFormat, type QrImage } from './qr.js'

export const saltsJobName = 'measure-salts'
const dayMs = 24 * 3600_000
/** Five minutes past midnight (UTC): late clicks of the day before have been written by then. */
const afterMidnightMs = 5 * 60_000

/** Enqueues the next run at 00:05 UTC (once per day however many workers ask: keyed by its time). */
async function scheduleSaltsJob(queue: JobQueue, now: number): Promise<void> {
  const runAt = Math.floor((now - afterMidnightMs) / dayMs) * dayMs + dayMs + afterMidnightMs
  await queue.enqueue(saltsJobName, {}, { key: String(runAt), runAt, retries: 3 })
}

/**
 * Registers the daily job that deletes the visitor salts of days that are over (yesterday's
 * included), so that no visitor hash can be recomputed after its day.
 */
export async function registerMeasureJobs(queue: JobQueue, ctx: MeasureContext, deps: { publish: PublishContext }): Promise<void> {
  queue.register(saltsJobName, async () => {
    const deleted = await ctx.salts.deleteBefore(utcDay(ctx.now()))
    if (deleted > 0) ctx.logger.info({ salts: deleted }, 'measure: deleted the visitor salts of past days')
    await scheduleSaltsJob(queue, ctx.now())
  })
  await scheduleSaltsJob(queue, ctx.now())

  queue.register(rollupJobName, async () => {
    const days = await rollAll(ctx)
    if (days > 0) ctx.logger.info({ days }, 'measure: rolled up the clicks of past days')
    await scheduleRecurring(queue, rollupJobName, rollupEveryMs, ctx.now())
  })
  await scheduleRecurring(queue, rollupJobName, rollupEveryMs, ctx.now())

  queue.register(syncMetricsJobName, async () => {
    const outcome = await syncAllMetrics(deps.publish)
    ctx.logger.info({ accounts: outcome.accounts, posts: outcome.posts, changed: outcome.changed, skipped: outcome.skipped.length }, 'sync-metrics: read the networks\' counts')
    await scheduleRecurring(queue, syncMetricsJobName, syncMetricsEveryMs, ctx.now())
  })
  await scheduleRecurring(queue, syncMetricsJobName, syncMetricsEveryMs, ctx.now())
}

export const rollupJobName = 'measure-rollup'
const rollupEveryMs = 15 * 60_000

// Conversions from the website (script, pixel, server API) and the "How did you hear about us?" form.
export { conversionTypePattern, isConversionValue, isCurrencyCode, maxConversionValue, maxDedupeKeyLength, publicTokenPattern } from './conversion-rules.js'
export {
  conversionPageSize,
  listConversions,
  recordConversion,
  recordSiteConversion,
  workspaceOfSiteKey,
  type ConversionInput,
  type ConversionPage,
  type ConversionsContext,
  type ConversionSource,
  type RecordedConversion,
} from './conversions.js'
export { answerHearForm, hearConversionType, hearFixedAnswers, hearFormLocale, openHearForm, type HearAnswerResult, type HearChoice, type HearForm, type HearRequest } from './hear-form.js'
export { escapeHtml, renderHearForm, renderHearThanks, renderHearUnavailable, type HearProblem } from './hear-form-page.js'
export { clickCookieDays, clickCookieName, clickParamName, siteScript, transparentGif } from './site-script.js'

// Soft numbers, rollups and the dashboard.
export { addDays, dayOf, dayStart, daysBetween, isDay } from './days.js'
export { lastClosedDay, rollAll, rollWorkspace, rollupGraceMs } from './rollups.js'
export { metricsWindowMs, syncAccountMetrics, syncAllMetrics, syncMetricsEveryMs, syncMetricsJobName, type SyncOutcome } from './metrics-sync.js'
export { checkPeriod, maxPeriodDays, measureDashboard, type DashboardQuery } from './dashboard.js'
export type * from './dashboard-types.js'
export { csvFileName, dashboardCsv, type CsvTable } from './report-csv.js'
export { dashboardPdf } from './report-pdf.js'
