/**
 * A workspace's measuring settings: whether links in published posts become tracked links (each
 * post can still opt out), and the public site key its website snippets carry, made on first
 * request for workspaces that have none. The snippets themselves are only strings here; the
 * endpoints they call (/m.js, /m/p.gif, /f/hear/<key>, POST /api/conversions) live elsewhere.
 */
import { randomToken } from '../security/index.js'
import { getMeasureSettingsRow, setSiteKeyIfMissing, setWorkspaceTrackLinks } from '../store/index.js'
import { AppError } from '../domain/index.js'
import type { MeasureContext } from './context.js'

export interface MeasureSnippets {
  script: string
  convertCall: string
  pixel: string
  server: string
  hearFormIframe: string
  hearFormScript: string
}

export interface MeasureSettingsView {
  trackLinks: boolean
  siteKey: string
}

/** The settings, with a site key made now if the workspace had none (two first calls agree on one). */
export async function getMeasureSettings(ctx: MeasureContext, workspaceId: string): Promise<MeasureSettingsView> {
  let row = await getMeasureSettingsRow(ctx.db, workspaceId)
  if (!row) throw new AppError('not_found', 'not_found_workspace')
  if (!row.siteKey) {
    await setSiteKeyIfMissing(ctx.db, workspaceId, `site_${randomToken(16)}`)
    row = await getMeasureSettingsRow(ctx.db, workspaceId)
  }
  return { trackLinks: row!.trackLinks === 1, siteKey: row!.siteKey! }
}

/** Changes what is given and returns the settings as they now are. */
export async function updateMeasureSettings(ctx: MeasureContext, workspaceId: string, patch: { trackLinks?: boolean | undefined }): Promise<MeasureSettingsView> {
  if (patch.trackLinks !== undefined) await setWorkspaceTrackLinks(ctx.db, workspaceId, patch.trackLinks)
  return getMeasureSettings(ctx, workspaceId)
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/**
 * The snippets to paste into the business's website, with its key and this app's address filled
 * in. `hearFormTitle` names the form's frame for screen readers (in the person's language).
 */
export function measureSnippets(publicUrl: URL, siteKey: string, hearFormTitle: string): MeasureSnippets {
  const at = (path: string) => new URL(path, publicUrl).toString()
  const key = encodeURIComponent(siteKey)
  const script = `<script src="${at('/m.js')}" data-site-key="${attribute(siteKey)}" async></script>`
  const body = JSON.stringify({ type: 'purchase', value: 25, currency: 'EUR', clickId: '<sc_click>', dedupeKey: 'order-1234' })
  return {
    script,
    convertCall: `stagecraft.convert('purchase', { value: 25, currency: 'EUR' })`,
    pixel: `<img src="${at(`/m/p.gif?k=${key}&type=signup`).replace(/&/g, '&amp;')}" width="1" height="1" alt="" style="position:absolute;left:-9999px">`,
    server: [`curl -X POST ${at('/api/conversions')} \\`, `  -H "Authorization: Bearer sck_…" \\`, `  -H "Content-Type: application/json" \\`, `  -d '${body}'`].join('\n'),
    hearFormIframe: `<iframe src="${at(`/f/hear/${key}`)}" title="${attribute(hearFormTitle)}" width="100%" height="360" style="border:0" loading="lazy"></iframe>`,
    hearFormScript: `<div data-stagecraft-hear></div>\n${script}`,
  }
}
