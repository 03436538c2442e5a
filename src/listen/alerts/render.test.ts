/**
 * Alerts in words: each language with its plural forms, digits and direction, dates in the
 * workspace's time zone, untrusted text escaped, long texts cut by graphemes.
 */
import { describe, expect, it } from 'vitest'
import { locales } from '../../domain/index.js'
import { renderAlert } from './render.js'
import type { Alert, AlertMention } from './types.js'

const at = Date.UTC(2026, 4, 3, 23, 30) // 4 May 08:30 in Tokyo, 3 May 16:30 in Los Angeles

function mention(extra: Partial<AlertMention> = {}): AlertMention {
  return { text: 'Lovely croissants at Café Lune', url: 'https://bsky.app/profile/alice/post/1', authorHandle: '@alice.bsky.social', sentiment: 'positive', publishedAt: at - 600_000, ...extra }
}

function alert(extra: Partial<Alert> = {}): Alert {
  return {
    kind: 'spike',
    workspaceName: 'Café Lune',
    queryName: 'café lune',
    count: 42,
    threshold: 18,
    baseline: 4.25,
    mentions: [mention()],
    link: 'https://social.example.com/listen/queries/q1',
    at,
    timeZone: 'Asia/Tokyo',
    ...extra,
  }
}

describe('renderAlert', () => {
  it('renders a spike in English: subject, figures, mention, link, in both parts', () => {
    const { subject, text, html } = renderAlert(alert(), 'en')
    expect(subject).toBe('Mention spike for “café lune” · Café Lune')
    expect(text).toContain('“café lune” got 42 mentions in the past hour, far above its usual level.')
    expect(text).toContain('Mentions in the past hour: 42\nUsual level per hour: 4.3\nAlert threshold: 18\nTime: May 4, 2026')
    expect(text).toContain('- Lovely croissants at Café Lune\n  @alice.bsky.social · Positive · May 4, 2026')
    expect(text).toContain('Open in Stagecraft\nhttps://social.example.com/listen/queries/q1')
    expect(html).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/)
    expect(html).toContain('<a href="https://social.example.com/listen/queries/q1"')
    expect(html).toContain('<a href="https://bsky.app/profile/alice/post/1" style="color:#1c7ed6">View original</a>')
  })

  it("shows dates and times in the workspace's time zone", () => {
    expect(renderAlert(alert({ timeZone: 'Asia/Tokyo' }), 'en').text).toMatch(/Time: May 4, 2026, 8:30\sAM/)
    expect(renderAlert(alert({ timeZone: 'America/Los_Angeles' }), 'en').text).toMatch(/Time: May 3, 2026, 4:30\sPM/)
    // An unknown zone falls back to UTC rather than failing to deliver.
    expect(renderAlert(alert({ timeZone: 'Mars/Olympus' }), 'en').text).toMatch(/Time: May 3, 2026, 11:30\sPM/)
  })

  it('writes Arabic and Hebrew right to left, the others left to right', () => {
    for (const locale of locales) {
      const { html } = renderAlert(alert(), locale)
      const dir = locale === 'ar' || locale === 'he' ? 'rtl' : 'ltr'
      expect(html).toContain(`<html lang="${locale}" dir="${dir}">`)
      expect(html).toContain(`<div dir="${dir}" lang="${locale}"`)
      // Quoted posts keep their own direction inside the page's.
      expect(html).toContain('<p dir="auto"')
    }
  })

  it('renders every kind in every language without a missing key', () => {
    const kinds: Alert[] = [
      alert(),
      alert({ kind: 'negative_burst', count: 9, total: 20, baseline: 1 }),
      alert({ kind: 'priority_match', count: 3, threshold: undefined, baseline: undefined }),
      alert({ kind: 'digest', queryName: undefined, count: 12, perQuery: [{ queryName: 'café lune', count: 12, negative: 2 }], periodStart: at - 86_400_000, periodEnd: at }),
    ]
    for (const locale of locales) {
      for (const a of kinds) {
        const { subject, text, html } = renderAlert(a, locale)
        for (const part of [subject, text, html]) expect(part).not.toMatch(/listen\.alerts|\{\{/)
      }
    }
  })

  it("uses each language's plural forms", () => {
    const subject = (locale: 'en' | 'fr' | 'ar' | 'he', count: number) => renderAlert(alert({ kind: 'priority_match', count }), locale).subject
    expect(subject('en', 1)).toBe('New mention for “café lune” · Café Lune')
    expect(subject('en', 2)).toBe('2 new mentions for “café lune” · Café Lune')
    expect([1, 2, 3, 11, 100].map((n) => subject('ar', n))).toEqual([
      'إشارة جديدة إلى «café lune» · Café Lune',
      'إشارتان جديدتان إلى «café lune» · Café Lune',
      '3 إشارات جديدة إلى «café lune» · Café Lune',
      '11 إشارة جديدة إلى «café lune» · Café Lune',
      '100 إشارة جديدة إلى «café lune» · Café Lune',
    ])
    expect(subject('he', 2)).toBe('שני אזכורים חדשים של "café lune" · Café Lune')
    expect(subject('fr', 1_000_000)).toBe('1\u202f000\u202f000 de nouvelles mentions pour «\u00a0café lune\u00a0» · Café Lune')
    expect(subject('fr', 3)).toBe('3 nouvelles mentions pour «\u00a0café lune\u00a0» · Café Lune')
  })

  it("formats numbers with the language's digits and separators", () => {
    expect(renderAlert(alert(), 'bn').text).toContain('গত এক ঘণ্টার উল্লেখ: ৪২')
    expect(renderAlert(alert(), 'bn').text).toContain('ঘণ্টাপ্রতি স্বাভাবিক মাত্রা: ৪.৩')
    expect(renderAlert(alert(), 'fr').text).toContain('Niveau habituel par heure\u00a0: 4,3')
    const burst = renderAlert(alert({ kind: 'negative_burst', count: 9, total: 20, baseline: 1 }), 'fr').text
    expect(burst).toContain(`Part des mentions négatives\u00a0: ${new Intl.NumberFormat('fr', { style: 'percent' }).format(0.45)}`)
    expect(burst).toMatch(/: 45\s%/)
  })

  it('escapes every piece of untrusted text in the HTML and links only http(s) URLs', () => {
    const hostile = alert({
      workspaceName: '<b>Lune</b>',
      queryName: '"><script>alert(1)</script>',
      mentions: [mention({ text: '<img src=x onerror=alert(1)> & co', url: 'javascript:alert(1)', authorHandle: '<i>@x</i>' })],
    })
    const { html, text } = renderAlert(hostile, 'en')
    expect(html).not.toMatch(/<script|<img|<i>|<b>Lune|javascript:/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; co')
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('View original')
    // The text part is plain text: shown as typed.
    expect(text).toContain('<img src=x onerror=alert(1)> & co')
  })

  it('shows a query name as typed, never as a catalog reference or placeholder', () => {
    const { subject } = renderAlert(alert({ queryName: '$t(errors.internal) {{workspace}}' }), 'en')
    expect(subject).toBe('Mention spike for “$t(errors.internal) {{workspace}}” · Café Lune')
  })

  it('cuts long mentions by graphemes and counts the mentions left out', () => {
    const long = mention({ text: '👍🏽'.repeat(400) })
    const many = Array.from({ length: 12 }, () => long)
    const { text, html } = renderAlert(alert({ mentions: many }), 'en')
    const quoted = text.split('\n').find((line) => line.startsWith('- 👍🏽'))!.slice(2)
    const pieces = [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(quoted)].map((s) => s.segment)
    expect(pieces).toHaveLength(280)
    expect(pieces.slice(0, -1).every((g) => g === '👍🏽')).toBe(true)
    expect(pieces.at(-1)).toBe('…')
    expect(text).toContain('and 2 more mentions')
    expect(html.match(/<p dir="auto"/g)).toHaveLength(10)
    expect(renderAlert(alert({ mentions: many.slice(0, 11) }), 'en').text).toContain('and 1 more mention\n')
  })

  it('renders a digest with its table and day, or a quiet day', () => {
    const digest = alert({
      kind: 'digest',
      queryName: undefined,
      count: 15,
      threshold: undefined,
      baseline: undefined,
      perQuery: [
        { queryName: 'café lune', count: 12, negative: 2 },
        { queryName: 'boulangerie', count: 3, negative: 0 },
      ],
      periodStart: Date.UTC(2026, 4, 2, 22),
      periodEnd: Date.UTC(2026, 4, 3, 22),
      timeZone: 'Europe/Paris',
    })
    const fr = renderAlert(digest, 'fr')
    expect(fr.subject).toBe('Vos mentions du 3 mai 2026 · Café Lune')
    expect(fr.text).toContain('Vos requêtes ont trouvé 15 mentions le 3 mai 2026.')
    expect(fr.text).toContain('- café lune — mentions\u00a0: 12 · négatives\u00a0: 2\n- boulangerie — mentions\u00a0: 3 · négatives\u00a0: 0')
    expect(fr.html).toContain('<th style="padding:6px 8px;border-bottom:1px solid #dee2e6;text-align:left">Requête</th>')
    expect(renderAlert(digest, 'he').html).toContain('text-align:right">שאילתה</th>')
    const quiet = renderAlert({ ...digest, count: 0, perQuery: [], mentions: [] }, 'en')
    expect(quiet.text).toContain('Your queries found no new mentions on May 3, 2026.')
  })
})
