/** The measure API's link and settings shapes (zod, for validation and OpenAPI) and their presenters. */
import { z } from 'zod'
import { measureSnippets, shortUrl, type LinkPage, type MeasureSettingsView } from '../measure/index.js'
import type { TrackedLinkWithCounts } from '../store/index.js'

export const trackedLinkSchema = z.object({
  id: z.string(),
  code: z.string(),
  shortUrl: z.string(),
  url: z.string(),
  destination: z.string(),
  label: z.string().nullable(),
  campaign: z.string().nullable(),
  postId: z.string().nullable(),
  network: z.string().nullable(),
  clicks: z.number(),
  botClicks: z.number(),
  conversions: z.number(),
  createdAt: z.number(),
})

export const linkListSchema = z.object({ links: z.array(trackedLinkSchema), nextCursor: z.string().nullable() })

export const measureSettingsSchema = z.object({
  trackLinks: z.boolean(),
  siteKey: z.string(),
  snippets: z.object({
    script: z.string(),
    convertCall: z.string(),
    pixel: z.string(),
    server: z.string(),
    hearFormIframe: z.string(),
    hearFormScript: z.string(),
  }),
})

export type TrackedLinkView = z.infer<typeof trackedLinkSchema>

export function presentLink(link: TrackedLinkWithCounts, publicUrl: URL): TrackedLinkView {
  return {
    id: link.id,
    code: link.code,
    shortUrl: shortUrl(publicUrl, link.code),
    url: link.url,
    destination: link.destination,
    label: link.label,
    campaign: link.campaign,
    postId: link.postId,
    network: link.network,
    clicks: link.clicks,
    botClicks: link.botClicks,
    conversions: link.conversions,
    createdAt: link.createdAt,
  }
}

export function presentLinkPage(page: LinkPage, publicUrl: URL): z.infer<typeof linkListSchema> {
  return { links: page.links.map((link) => presentLink(link, publicUrl)), nextCursor: page.nextCursor }
}

export function presentSettings(settings: MeasureSettingsView, publicUrl: URL, hearFormTitle: string): z.infer<typeof measureSettingsSchema> {
  return { trackLinks: settings.trackLinks, siteKey: settings.siteKey, snippets: measureSnippets(publicUrl, settings.siteKey, hearFormTitle) }
}
