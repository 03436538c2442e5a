/**
 * The "How did you hear about us?" form as a small self-contained HTML page, meant to sit in an
 * iframe on the business's website: no script, inline CSS with logical properties (so right-to-left
 * languages mirror by themselves), system fonts, `lang` and `dir` set.
 */
import { directionOf, type Locale } from '../domain/index.js'
import { translator } from '../i18n/index.js'
import type { HearForm } from './hear-form.js'

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text safe inside HTML content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c)
}

const style = `
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans Hebrew","Noto Sans Bengali",sans-serif;color:#1f2933;background:transparent}
body{margin:0;padding:12px}
main{max-inline-size:32rem;border:1px solid #d9dee3;border-radius:12px;padding-block:16px;padding-inline:18px;background:#fff}
h1{font-size:1.15rem;margin-block:0 4px}
p{margin-block:0 12px;color:#52606d;font-size:.9rem}
fieldset{border:0;margin:0;padding:0}
legend{padding:0}
label{display:flex;align-items:center;gap:10px;padding-block:8px;padding-inline:10px;border:1px solid #e4e7eb;border-radius:8px;margin-block-end:6px;cursor:pointer;font-size:.95rem}
label:hover{border-color:#7b93db}
input[type=radio]{margin:0;inline-size:1.1rem;block-size:1.1rem;accent-color:#3b5bdb}
button{margin-block-start:8px;font:inherit;font-weight:600;color:#fff;background:#3b5bdb;border:0;border-radius:8px;padding-block:8px;padding-inline:18px;cursor:pointer}
button:focus-visible,label:focus-within{outline:2px solid #3b5bdb;outline-offset:2px}
.error{color:#c92a2a;font-weight:600}
.thanks{font-size:1.05rem;margin-block:0 4px}
`

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${style}</style></head><body><main>${body}</main></body></html>`
}

/** Why an answer was not recorded: none chosen (or not one of the choices), or too many from one address. */
export type HearProblem = 'choose_one' | 'too_many'

const problemKeys: Record<HearProblem, string> = { choose_one: 'measure.form.pick_answer', too_many: 'measure.form.slow_down' }

/** The form; `problem` shows why the last answer was refused. */
export function renderHearForm(form: HearForm, options: { problem?: HearProblem } = {}): string {
  if (form.answered) return renderHearThanks(form)
  const t = translator(form.locale)
  const question = t('measure.form.question')
  const action = `/f/hear/${encodeURIComponent(form.siteKey)}`
  const choices = form.choices
    .map((choice) => `<label><input type="radio" name="answer" value="${escapeHtml(choice.id)}" data-choice="${escapeHtml(choice.id)}" required><span>${escapeHtml(choice.label)}</span></label>`)
    .join('')
  const problem = options.problem ? `<p class="error" role="alert" id="problem">${escapeHtml(t(problemKeys[options.problem]))}</p>` : ''
  const body =
    `<form method="post" action="${action}" data-testid="hear-form"${problem ? ' aria-describedby="problem"' : ''}>` +
    `<fieldset><legend><h1>${escapeHtml(question)}</h1></legend>` +
    `<p>${escapeHtml(t('measure.form.intro', { business: form.workspace.name }))}</p>${problem}${choices}</fieldset>` +
    `<input type="hidden" name="lang" value="${form.locale}">` +
    (form.clickId ? `<input type="hidden" name="click" value="${escapeHtml(form.clickId)}">` : '') +
    `<button type="submit">${escapeHtml(t('measure.form.submit'))}</button></form>`
  return page(form.locale, question, body)
}

/** The thank-you shown once the visitor has answered. */
export function renderHearThanks(form: Pick<HearForm, 'locale' | 'workspace'>): string {
  const t = translator(form.locale)
  const thanks = t('measure.form.thanks')
  return page(form.locale, thanks, `<p class="thanks" role="status" data-testid="hear-thanks"><strong>${escapeHtml(thanks)}</strong></p><p>${escapeHtml(t('measure.form.thanks_detail', { business: form.workspace.name }))}</p>`)
}

/** What a visitor sees when the site key names no workspace (a removed or mistyped snippet). */
export function renderHearUnavailable(locale: Locale): string {
  const text = translator(locale)('measure.form.unavailable')
  return page(locale, text, `<p data-testid="hear-unavailable">${escapeHtml(text)}</p>`)
}
