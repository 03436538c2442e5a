/**
 * A Mastodon status (https://docs.joinmastodon.org/entities/Status/) as a `ListenItem`. Its
 * `content` is HTML (app/lib/text_formatter.rb): paragraphs, line breaks, and links whose scheme
 * and tail sit in `<span class="invisible">`; stripping the tags gives back the full URL. Hashtags
 * and mentions come from the status's own `tags` and `mentions`; links from the `<a>` that are
 * neither (and the preview card).
 */
import { z } from 'zod'
import { htmlToText } from '../../feeds/index.js'
import { unique } from './text-entities.js'
import type { ListenItem } from './types.js'

const account = z.object({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().nullish(),
  url: z.string().nullish(),
})

/** The fields of a Status listening reads; others are ignored. */
export const mastodonStatus = z.object({
  id: z.string(),
  uri: z.string(),
  url: z.string().nullish(),
  created_at: z.string(),
  language: z.string().nullish(),
  content: z.string(),
  spoiler_text: z.string().nullish(),
  account,
  tags: z.array(z.object({ name: z.string() })).nullish(),
  mentions: z.array(z.object({ acct: z.string() })).nullish(),
  card: z.object({ url: z.string() }).nullish(),
})

export type MastodonStatus = z.infer<typeof mastodonStatus>

const anchor = /<a\b([^<>]*)>/gi
const attribute = (attrs: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(attrs)?.slice(1).find((v) => v !== undefined)

/** Links in the HTML that are neither hashtags nor mentions (Mastodon marks those by class and rel). */
function linksInContent(html: string): string[] {
  const links: string[] = []
  for (const [, attrs = ''] of html.matchAll(anchor)) {
    const classes = attribute(attrs, 'class') ?? ''
    const rel = attribute(attrs, 'rel') ?? ''
    if (/\b(mention|hashtag)\b/.test(classes) || /\btag\b/.test(rel)) continue
    const href = htmlToText(attribute(attrs, 'href'))
    if (URL.canParse(href) && /^https?:/i.test(href)) links.push(new URL(href).href)
  }
  return links
}

/** `name` (a local account) becomes `name@domain`, so handles read the same from any instance. */
function fullAcct(acct: string, instanceHost: string): string {
  return (acct.includes('@') ? acct : `${acct}@${instanceHost}`).toLowerCase()
}

/** A status as a listening item; `instanceHost` is the host of the instance that served it. */
export function statusToItem(status: MastodonStatus, instanceHost: string, receivedAt: number): ListenItem {
  const spoiler = htmlToText(status.spoiler_text)
  const body = htmlToText(status.content)
  const publishedAt = Date.parse(status.created_at)
  return {
    key: status.uri,
    sourceKind: 'mastodon',
    // A content warning is part of what the author wrote, and often names the subject.
    text: spoiler ? `${spoiler}\n${body}` : body,
    url: status.url ?? status.uri,
    authorHandle: fullAcct(status.account.acct, instanceHost),
    ...(status.account.display_name ? { authorName: status.account.display_name } : {}),
    ...(status.account.url ? { authorUrl: status.account.url } : {}),
    ...(status.language ? { lang: status.language } : {}),
    hashtags: unique((status.tags ?? []).map((t) => t.name.toLowerCase())),
    links: unique([...linksInContent(status.content), ...(status.card && /^https?:/i.test(status.card.url) ? [status.card.url] : [])]),
    mentions: unique((status.mentions ?? []).map((m) => fullAcct(m.acct, instanceHost))),
    publishedAt: Number.isNaN(publishedAt) ? receivedAt : publishedAt,
  }
}

/** Compares Mastodon ids (snowflakes as decimal strings) numerically. */
export function compareStatusIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length
  return a < b ? -1 : a > b ? 1 : 0
}
