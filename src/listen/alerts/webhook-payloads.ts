/**
 * The JSON bodies posted to webhooks, one per format:
 * - Slack (incoming webhooks; Mattermost and Rocket.Chat read the same shape): `text` is the
 *   notification fallback, `blocks` the message — sections in mrkdwn with `&`, `<`, `>` escaped
 *   as Slack asks, a link button, a context line. Limits kept: section text ≤ 3,000 characters,
 *   ≤ 10 section fields of ≤ 2,000, ≤ 50 blocks.
 * - Discord (execute webhook): `content` plus one embed, within Discord's limits (content ≤ 2,000,
 *   title ≤ 256, description ≤ 4,096, ≤ 25 fields of name ≤ 256 and value ≤ 1,024, footer ≤ 2,048,
 *   ≤ 6,000 over the embed), markdown escaped, and `allowed_mentions` empty so a quoted post
 *   saying "@everyone" pings no one.
 * - Generic: the alert model itself with the rendered subject and text, for people's own tools.
 */
import type { Locale } from '../../domain/index.js'
import { translator } from '../../i18n/index.js'
import { alertContent, type AlertContent } from './content.js'
import { renderText } from './render.js'
import { escapeDiscord, escapeSlack, truncateLength } from './text.js'
import type { Alert, AlertKind } from './types.js'

/** Which shape a webhook expects. */
export type WebhookFormat = 'slack' | 'discord' | 'generic'

/** The formats, in a stable order. */
export const webhookFormats: readonly WebhookFormat[] = ['slack', 'discord', 'generic']

/** Fewer and shorter quotes than an e-mail: chat messages are read at a glance. */
const chatContent = { maxMentions: 5, mentionGraphemes: 200 }

/** A Slack Block Kit block, as far as these payloads use it. */
export type SlackBlock =
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'section'; fields: Array<{ type: 'mrkdwn'; text: string }> }
  | { type: 'actions'; elements: Array<{ type: 'button'; text: { type: 'plain_text'; text: string }; url: string }> }
  | { type: 'context'; elements: Array<{ type: 'mrkdwn'; text: string }> }

/** Slack's incoming-webhook body. */
export interface SlackPayload {
  text: string
  blocks: SlackBlock[]
}

const slackLimits = { sectionText: 3000, fieldText: 2000, fields: 10, buttonText: 75, blocks: 50 } as const

/** A URL inside `<url|label>`: escaped like text, and `|` (which would end the URL) encoded. */
function slackLink(url: string, label: string): string {
  return `<${escapeSlack(url).replace(/\|/g, '%7C')}|${escapeSlack(label)}>`
}

/** The Slack-compatible body for `alert` in `locale`. */
export function slackPayload(alert: Alert, locale: Locale): SlackPayload {
  const c = alertContent(alert, locale, chatContent)
  // Cut the parts before composing, so a cut never falls inside a `<url|label>` link.
  const subject = truncateLength(c.subject, 300)
  const title = c.link ? slackLink(c.link, subject) : escapeSlack(subject)
  const intro = truncateLength(escapeSlack(c.intro), slackLimits.sectionText - title.length - 3)
  const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${title}*\n${intro}` } }]
  if (c.facts.length > 0) {
    blocks.push({
      type: 'section',
      fields: c.facts.slice(0, slackLimits.fields).map((f) => ({ type: 'mrkdwn', text: truncateLength(`*${escapeSlack(f.label)}*\n${escapeSlack(f.value)}`, slackLimits.fieldText) })),
    })
  }
  if (c.table) {
    const lines = c.table.rows.map((r) => `• *${escapeSlack(r.query)}* — ${escapeSlack(r.figures)}`)
    const more = (n: number) => `_${escapeSlack(translator(locale)('listen.alerts.more_queries', { count: n }))}_`
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fitLines(lines, slackLimits.sectionText, more) } })
  }
  if (c.mentions.length > 0) {
    const lines = c.mentions.map((m) => {
      const meta = [m.author, m.sentimentLabel, m.time].filter(Boolean).map((part) => escapeSlack(part!)).join(' · ')
      return `> ${escapeSlack(m.text)}\n${meta}${m.url ? ` · ${slackLink(m.url, c.viewOriginalLabel)}` : ''}`
    })
    if (c.moreMentions) lines.push(`_${escapeSlack(c.moreMentions)}_`)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fitLines([`*${escapeSlack(c.mentionsHeading)}*`, ...lines], slackLimits.sectionText) } })
  }
  if (c.link) blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: truncateLength(c.openLabel, slackLimits.buttonText) }, url: c.link }] })
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncateLength(escapeSlack(c.footer), slackLimits.sectionText) }] })
  return { text: truncateLength(`${escapeSlack(c.subject)}\n${escapeSlack(c.intro)}`, slackLimits.sectionText), blocks: blocks.slice(0, slackLimits.blocks) }
}

/** A Discord embed, as far as these payloads use it. */
export interface DiscordEmbed {
  title: string
  description: string
  url?: string
  color: number
  timestamp: string
  fields: Array<{ name: string; value: string; inline: boolean }>
  footer: { text: string }
}

/** Discord's execute-webhook body. */
export interface DiscordPayload {
  content: string
  embeds: [DiscordEmbed]
  allowed_mentions: { parse: [] }
}

/** Discord's documented limits for messages and embeds. */
export const discordLimits = { content: 2000, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, embedTotal: 6000 } as const

const discordColours: Record<AlertKind, number> = {
  spike: 0xf08c00,
  negative_burst: 0xe03131,
  priority_match: 0x1c7ed6,
  digest: 0x868e96,
}

/** The Discord-compatible body for `alert` in `locale`, truncated to Discord's limits. */
export function discordPayload(alert: Alert, locale: Locale): DiscordPayload {
  const c = alertContent(alert, locale, chatContent)
  const title = truncateLength(c.subject, discordLimits.title)
  // The footer is ours but names the workspace; a sane cap leaves the room to the message.
  const footer = truncateLength(c.footer, 512)
  const fields = fitFields(discordFields(c, alert.kind === 'digest', locale), discordLimits.embedTotal - title.length - footer.length - descriptionReserve)
  const used = title.length + footer.length + fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  const description = truncateLength(discordDescription(c), Math.min(discordLimits.description, discordLimits.embedTotal - used))
  const embed: DiscordEmbed = {
    title,
    description,
    ...(c.link ? { url: c.link } : {}),
    color: discordColours[alert.kind],
    timestamp: new Date(alert.at).toISOString(),
    fields,
    footer: { text: footer },
  }
  return { content: truncateLength(escapeDiscord(c.subject), discordLimits.content), embeds: [embed], allowed_mentions: { parse: [] } }
}

/** Room kept for the description when fields must shrink to respect the 6,000 total. */
const descriptionReserve = 1000

/**
 * Shrinks fields to fit `budget` characters in all: each gets an equal share, of which the name
 * may keep up to half and the value the rest (a short name leaves its room to the value).
 */
function fitFields(fields: DiscordEmbed['fields'], budget: number): DiscordEmbed['fields'] {
  const total = fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  if (total <= budget || fields.length === 0) return fields
  const share = Math.floor(budget / fields.length)
  return fields.map((f) => {
    if (f.name.length + f.value.length <= share) return f
    const value = truncateLength(f.value, Math.max(1, share - Math.min(f.name.length, Math.ceil(share / 2))))
    return { ...f, name: truncateLength(f.name, Math.max(1, share - value.length)), value }
  })
}

function discordDescription(c: AlertContent): string {
  const parts = [escapeDiscord(c.intro)]
  if (c.mentions.length > 0) {
    const quotes = c.mentions.map((m) => {
      const meta = [m.author, m.sentimentLabel, m.time].filter(Boolean).map((part) => escapeDiscord(part!)).join(' · ')
      // Parentheses would end the masked link early; the URL parser already encoded spaces.
      return `> ${escapeDiscord(m.text)}\n${meta}${m.url ? ` · [${escapeDiscord(c.viewOriginalLabel)}](${m.url.replace(/[()]/g, encodeURIComponent)})` : ''}`
    })
    if (c.moreMentions) quotes.push(`*${escapeDiscord(c.moreMentions)}*`)
    parts.push(`**${escapeDiscord(c.mentionsHeading)}**\n${quotes.join('\n\n')}`)
  }
  return parts.join('\n\n')
}

/** Facts as inline fields, or a digest's queries as fields: at most 25, the last one "and N more". */
function discordFields(c: AlertContent, digest: boolean, locale: Locale): DiscordEmbed['fields'] {
  const field = (name: string, value: string, inline: boolean) => ({
    name: truncateLength(name, discordLimits.fieldName),
    value: truncateLength(value, discordLimits.fieldValue),
    inline,
  })
  if (!digest || !c.table) return c.facts.slice(0, discordLimits.fields).map((f) => field(f.label, escapeDiscord(f.value), true))
  const rows = c.table.rows
  if (rows.length <= discordLimits.fields) return rows.map((r) => field(r.query, escapeDiscord(r.figures), false))
  const shown = rows.slice(0, discordLimits.fields - 1).map((r) => field(r.query, escapeDiscord(r.figures), false))
  const rest = rows.slice(discordLimits.fields - 1)
  const more = translator(locale)('listen.alerts.more_queries', { count: rest.length })
  return [...shown, field(more, escapeDiscord(rest.map((r) => r.query).join(', ')), false)]
}

/** The generic body: the alert as stored, the language, and the rendered words. */
export interface GenericPayload {
  type: 'stagecraft.listen.alert'
  version: 1
  locale: Locale
  subject: string
  text: string
  alert: Alert
}

/** The generic JSON body for `alert` in `locale`. */
export function genericPayload(alert: Alert, locale: Locale): GenericPayload {
  const c = alertContent(alert, locale)
  return { type: 'stagecraft.listen.alert', version: 1, locale, subject: c.subject, text: renderText(c), alert }
}

/** The body for `format`. */
export function webhookPayload(format: WebhookFormat, alert: Alert, locale: Locale): SlackPayload | DiscordPayload | GenericPayload {
  if (format === 'slack') return slackPayload(alert, locale)
  if (format === 'discord') return discordPayload(alert, locale)
  return genericPayload(alert, locale)
}

/**
 * Joins whole lines while they fit in `max` characters, keeping room to say how many were left
 * out (`more(n)`); only a first line too long on its own is cut.
 */
function fitLines(lines: string[], max: number, more?: (left: number) => string): string {
  const kept: string[] = []
  let used = 0
  for (const [index, line] of lines.entries()) {
    const after = lines.length - index - 1
    const reserve = after > 0 && more ? more(after).length + 1 : 0
    const room = max - used - (kept.length > 0 ? 1 : 0) - reserve
    const piece = kept.length === 0 ? truncateLength(line, room) : line
    if (piece === '' || piece.length > room) return [...kept, ...(more ? [more(lines.length - index)] : [])].join('\n')
    used += piece.length + (kept.length > 0 ? 1 : 0)
    kept.push(piece)
  }
  return kept.join('\n')
}
