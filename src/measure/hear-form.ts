/**
 * The embeddable "How did you hear about us?" form: which choices it offers (the networks of the
 * workspace's connected accounts, then a friend, a search, something else), in which language it
 * asks, and recording an answer as a `heard` conversion, once per click when the visitor came
 * through a tracked link.
 */
import { defaultLocale, isLocale, negotiateLocale, type Locale } from '../domain/index.js'
import { translator } from '../i18n/index.js'
import { connectedNetworksOf, findConversionByDedupeKey, type Workspace } from '../store/index.js'
import { publicTokenPattern } from './conversion-rules.js'
import { recordConversion, workspaceOfSiteKey, type ConversionsContext, type RecordedConversion } from './conversions.js'

/** The answers every form offers after the networks. */
export const hearFixedAnswers = ['friend', 'search', 'other'] as const

/** The conversion type an answer is stored as. */
export const hearConversionType = 'heard'

export interface HearChoice {
  /** A network id (`mastodon`), or friend, search, other. */
  id: string
  label: string
}

/** The form as one visitor sees it. */
export interface HearForm {
  workspace: Workspace
  siteKey: string
  locale: Locale
  choices: HearChoice[]
  /** The click the visitor came through, when it is a well-formed id. */
  clickId: string | null
  /** True when this click's visitor has already answered. */
  answered: boolean
}

/** How the visitor asked: the page's language (`lang`), their browser's languages, and the click id. */
export interface HearRequest {
  lang?: string | undefined
  acceptLanguage?: string | undefined
  clickId?: string | undefined
}

/** The page's language, else the browser's, else the workspace's, else English. */
export function hearFormLocale(request: HearRequest, workspaceLocale: string): Locale {
  const fromPage = negotiateLocale(request.lang)
  if (fromPage) return fromPage
  const fromBrowser = negotiateLocale(request.acceptLanguage)
  if (fromBrowser) return fromBrowser
  return isLocale(workspaceLocale) ? workspaceLocale : defaultLocale
}

/** Answering twice through the same click counts once. */
function dedupeKeyOf(clickId: string | null): string | null {
  return clickId ? `${hearConversionType}:${clickId}` : null
}

/** The form for the workspace the site key names (an unknown key is not found). */
export async function openHearForm(ctx: ConversionsContext, siteKey: string, request: HearRequest): Promise<HearForm> {
  const workspace = await workspaceOfSiteKey(ctx, siteKey)
  const locale = hearFormLocale(request, workspace.locale)
  const t = translator(locale)
  const networks = await connectedNetworksOf(ctx.db, workspace.id)
  const choices: HearChoice[] = [
    ...networks.map((id) => ({ id, label: ctx.networks.get(id)?.displayName ?? id })),
    ...hearFixedAnswers.map((id) => ({ id, label: t(`measure.form.choices.${id}`) })),
  ]
  const clickId = request.clickId && publicTokenPattern.test(request.clickId) ? request.clickId : null
  const key = dedupeKeyOf(clickId)
  const answered = key ? (await findConversionByDedupeKey(ctx.db, workspace.id, key)) !== undefined : false
  return { workspace, siteKey, locale, choices, clickId, answered }
}

/** What answering did: recorded, or refused because the answer is not one of the choices. */
export type HearAnswerResult = { ok: true; form: HearForm; recorded: RecordedConversion } | { ok: false; form: HearForm; problem: 'choose_one' }

/** Records the visitor's answer as a `heard` conversion (source `form`), tied to their click. */
export async function answerHearForm(ctx: ConversionsContext, siteKey: string, request: HearRequest & { answer?: string | undefined }): Promise<HearAnswerResult> {
  const form = await openHearForm(ctx, siteKey, request)
  const answer = request.answer
  if (!answer || !form.choices.some((choice) => choice.id === answer)) return { ok: false, form, problem: 'choose_one' }
  const recorded = await recordConversion(
    ctx,
    form.workspace.id,
    { type: hearConversionType, value: null, currency: null, clickId: form.clickId, dedupeKey: dedupeKeyOf(form.clickId), answer },
    'form',
  )
  return { ok: true, form: { ...form, answered: true }, recorded }
}
