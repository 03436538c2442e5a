/**
 * An alert as an e-mail: a subject, a plain-text part and an HTML part, in the person's language.
 * The HTML is a single column with inline styles (what mail clients keep), written right to left
 * for Arabic and Hebrew, with every piece of untrusted text escaped and each quoted mention
 * isolated (`dir="auto"`) so a post in another script keeps its own direction.
 */
import type { Locale } from '../../domain/index.js'
import { alertContent, type AlertContent, type ContentOptions } from './content.js'
import { escapeHtml } from './text.js'
import type { Alert } from './types.js'

/** A rendered e-mail (and the text other channels reuse). */
export interface RenderedAlert {
  subject: string
  text: string
  html: string
}

/**
 * Renders `alert` in `locale`: the subject, a plain-text body and an HTML body.
 *
 * @example
 * const { subject, text, html } = renderAlert(alert, 'ar')
 * await mailer.send({ to: ['owner@example.com'], subject, text, html })
 */
export function renderAlert(alert: Alert, locale: Locale, options: ContentOptions = {}): RenderedAlert {
  const content = alertContent(alert, locale, options)
  return { subject: content.subject, text: renderText(content), html: renderHtml(content) }
}

/** The plain-text body: paragraphs separated by blank lines, mentions as a dashed list. */
export function renderText(content: AlertContent): string {
  const blocks: string[] = [content.subject, content.intro]
  if (content.facts.length > 0) blocks.push(content.facts.map((f) => f.line).join('\n'))
  if (content.table) blocks.push(content.table.rows.map((row) => `- ${row.line}`).join('\n'))
  if (content.mentions.length > 0) {
    const list = content.mentions.map((m) => {
      const lines = [`- ${m.text}`, `  ${metaLine(m)}`]
      if (m.url) lines.push(`  ${m.url}`)
      return lines.join('\n')
    })
    if (content.moreMentions) list.push(content.moreMentions)
    blocks.push(`${content.mentionsHeading}\n${list.join('\n')}`)
  }
  if (content.link) blocks.push(`${content.openLabel}\n${content.link}`)
  blocks.push(content.footer)
  return blocks.join('\n\n') + '\n'
}

/** "@author · Negative · 3 May 2026, 14:05" — the parts a mention has. */
export function metaLine(m: AlertContent['mentions'][number]): string {
  return [m.author, m.sentimentLabel, m.time].filter(Boolean).join(' · ')
}

const sentimentColours = { positive: '#2b8a3e', neutral: '#868e96', negative: '#c92a2a' } as const

/** The HTML body: `lang` and `dir` on the root (and again on the column, for clients that drop it). */
export function renderHtml(c: AlertContent): string {
  const start = c.dir === 'rtl' ? 'right' : 'left'
  const parts: string[] = []
  parts.push(`<h1 style="font-size:20px;line-height:1.3;margin:0 0 12px">${escapeHtml(c.subject)}</h1>`)
  parts.push(`<p style="margin:0 0 16px">${escapeHtml(c.intro)}</p>`)
  if (c.facts.length > 0) {
    const rows = c.facts
      .map((f) => `<tr><td style="padding:2px 0;padding-${c.dir === 'rtl' ? 'left' : 'right'}:16px;color:#495057">${escapeHtml(f.label)}</td><td style="padding:2px 0;font-weight:600"><bdi>${escapeHtml(f.value)}</bdi></td></tr>`)
      .join('')
    parts.push(`<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${rows}</table>`)
  }
  if (c.table) {
    const cell = `padding:6px 8px;border-bottom:1px solid #dee2e6;text-align:${start}`
    const head = c.table.headers.map((h) => `<th style="${cell}">${escapeHtml(h)}</th>`).join('')
    const body = c.table.rows
      .map((r) => `<tr><td style="${cell}"><bdi>${escapeHtml(r.query)}</bdi></td><td style="${cell}">${escapeHtml(r.count)}</td><td style="${cell}">${escapeHtml(r.negative)}</td></tr>`)
      .join('')
    parts.push(`<table style="border-collapse:collapse;width:100%;margin:0 0 16px"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`)
  }
  if (c.mentions.length > 0) {
    parts.push(`<h2 style="font-size:16px;margin:16px 0 8px">${escapeHtml(c.mentionsHeading)}</h2>`)
    for (const m of c.mentions) {
      const colour = m.sentiment ? sentimentColours[m.sentiment] : '#ced4da'
      const original = m.url ? ` · <a href="${escapeHtml(m.url)}" style="color:#1c7ed6">${escapeHtml(c.viewOriginalLabel)}</a>` : ''
      parts.push(
        `<div style="border-${start}:3px solid ${colour};padding-${start}:10px;margin:0 0 12px">` +
          `<p dir="auto" style="margin:0 0 4px">${escapeHtml(m.text)}</p>` +
          `<p style="margin:0;font-size:13px;color:#495057">${escapeHtml(metaLine(m))}${original}</p></div>`,
      )
    }
    if (c.moreMentions) parts.push(`<p style="margin:0 0 16px;color:#495057">${escapeHtml(c.moreMentions)}</p>`)
  }
  if (c.link) {
    parts.push(
      `<p style="margin:20px 0"><a href="${escapeHtml(c.link)}" style="display:inline-block;background:#1c7ed6;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px">${escapeHtml(c.openLabel)}</a></p>`,
    )
  }
  parts.push(`<p style="margin:24px 0 0;font-size:12px;color:#868e96">${escapeHtml(c.footer)}</p>`)
  return (
    `<!doctype html>\n<html lang="${c.locale}" dir="${c.dir}">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(c.subject)}</title></head>\n` +
    `<body style="margin:0;padding:0;background:#f8f9fa">\n` +
    `<div dir="${c.dir}" lang="${c.locale}" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;color:#212529;font-family:'Noto Sans','Segoe UI',Roboto,Arial,sans-serif;font-size:15px;line-height:1.5">\n` +
    parts.join('\n') +
    `\n</div>\n</body>\n</html>\n`
  )
}
