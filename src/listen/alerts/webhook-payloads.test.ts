/** The webhook bodies hold to each service's documented shape and limits, whatever the alert holds. */
import { describe, expect, it } from 'vitest'
import { discordLimits, discordPayload, genericPayload, slackPayload, type SlackBlock } from './webhook-payloads.js'
import type { Alert, AlertMention } from './types.js'

const at = Date.UTC(2026, 4, 3, 12, 5)

function mention(extra: Partial<AlertMention> = {}): AlertMention {
  return { text: 'Lovely croissants', url: 'https://example.com/post/1', authorHandle: '@alice', sentiment: 'negative', publishedAt: at - 60_000, ...extra }
}

function alert(extra: Partial<Alert> = {}): Alert {
  return { kind: 'negative_burst', workspaceName: 'Café Lune', queryName: 'café lune', count: 9, total: 12, threshold: 9, baseline: 1.2, mentions: [mention()], link: 'https://social.example.com/listen', at, timeZone: 'Europe/Paris', ...extra }
}

function hugeDigest(queries: number): Alert {
  return alert({
    kind: 'digest',
    queryName: undefined,
    count: queries * 10,
    perQuery: Array.from({ length: queries }, (_, i) => ({ queryName: `query ${i} ${'ক্ষ'.repeat(200)}`, count: 10, negative: 1 })),
    mentions: Array.from({ length: 20 }, (_, i) => mention({ text: `${i} ${'👍🏽 '.repeat(500)}` })),
    workspaceName: 'W'.repeat(500),
  })
}

function sectionTexts(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((b) => ('text' in b ? [b.text.text] : 'fields' in b ? b.fields.map((f) => f.text) : 'elements' in b ? b.elements.map((e) => ('url' in e ? e.text.text : e.text)) : []))
}

describe('slackPayload', () => {
  it('has a fallback text and mrkdwn sections, with the link on the title and a button', () => {
    const payload = slackPayload(alert(), 'en')
    expect(payload.text).toBe('Negative mentions are rising for “café lune” · Café Lune\n“café lune” got 9 negative mentions in the past hour, far more than usual. They may need an answer soon.')
    expect(payload.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*<https://social.example.com/listen|Negative mentions are rising for “café lune” · Café Lune>*\n“café lune” got 9 negative mentions in the past hour, far more than usual. They may need an answer soon.' },
    })
    expect(payload.blocks).toContainEqual({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Stagecraft' }, url: 'https://social.example.com/listen' }] })
    expect(payload.blocks.at(-1)!.type).toBe('context')
  })

  it('escapes &, < and > in everything people or posts wrote, so nothing pings or links', () => {
    const payload = slackPayload(alert({ queryName: '<!channel> & co', mentions: [mention({ text: 'hey <!here> <https://evil.example|free> & more', authorHandle: '<@U123>' })] }), 'en')
    const all = JSON.stringify(payload)
    expect(all).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/evil/)
    expect(all).toContain('&lt;!channel&gt; &amp; co')
    expect(all).toContain('hey &lt;!here&gt; &lt;https://evil.example|free&gt; &amp; more')
  })

  it("keeps within Slack's limits however long the alert is", () => {
    const payload = slackPayload(hugeDigest(300), 'bn')
    expect(payload.blocks.length).toBeLessThanOrEqual(50)
    for (const text of sectionTexts(payload.blocks)) {
      expect(text.length).toBeGreaterThan(0)
      expect(text.length).toBeLessThanOrEqual(3000)
    }
    const table = payload.blocks.find((b) => 'text' in b && b.text.text.startsWith('• ')) as { text: { text: string } }
    expect(table.text.text).toMatch(/_এবং আরও [০-৯]+টি কোয়েরি_$/)
  })
})

describe('discordPayload', () => {
  it('has content and one embed with title, link, colour, time, fields and footer, and pings no one', () => {
    const payload = discordPayload(alert(), 'en')
    expect(payload.content).toBe('Negative mentions are rising for “café lune” · Café Lune')
    expect(payload.allowed_mentions).toEqual({ parse: [] })
    const [embed] = payload.embeds
    expect(embed).toMatchObject({ title: 'Negative mentions are rising for “café lune” · Café Lune', url: 'https://social.example.com/listen', color: 0xe03131, timestamp: '2026-05-03T12:05:00.000Z' })
    expect(embed.fields.map((f) => [f.name, f.value])).toEqual([
      ['Negative mentions in the past hour', '9'],
      ['Share of negative mentions', '75%'],
      ['Usual level per hour', '1.2'],
      ['Alert threshold', '9'],
      ['Time', expect.stringMatching(/^May 3, 2026, 2:05\sPM$/)],
    ])
    expect(embed.description).toContain('> Lovely croissants\n@alice · Negative · ')
    expect(embed.description).toContain('[View original](https://example.com/post/1)')
  })

  it('escapes markdown in quoted posts, so a masked link cannot hide a phishing address', () => {
    const payload = discordPayload(alert({ mentions: [mention({ text: '[your account](https://evil.example) @everyone ||x||' })] }), 'en')
    const description = payload.embeds[0].description
    expect(description).toContain('\\[your account\\]\\(https://evil.example\\) @everyone \\|\\|x\\|\\|')
    expect(description).not.toContain('[your account](')
  })

  it("truncates to Discord's limits: content, title, description, 25 fields, 6,000 in all", () => {
    const payload = discordPayload(hugeDigest(40), 'en')
    const [embed] = payload.embeds
    expect(payload.content.length).toBeLessThanOrEqual(discordLimits.content)
    expect(embed.title.length).toBeLessThanOrEqual(discordLimits.title)
    expect(embed.title.endsWith('…')).toBe(true)
    expect(embed.description.length).toBeLessThanOrEqual(discordLimits.description)
    expect(embed.fields).toHaveLength(25)
    expect(embed.fields.at(-1)!.name).toBe('and 16 more queries')
    for (const f of embed.fields) {
      expect(f.name.length).toBeLessThanOrEqual(discordLimits.fieldName)
      expect(f.value.length).toBeLessThanOrEqual(discordLimits.fieldValue)
    }
    expect(embed.footer.text.length).toBeLessThanOrEqual(discordLimits.footer)
    const total = embed.title.length + embed.description.length + embed.footer.text.length + embed.fields.reduce((n, f) => n + f.name.length + f.value.length, 0)
    expect(total).toBeLessThanOrEqual(discordLimits.embedTotal)
  })

  it('lists every query as a field when there are 25 or fewer', () => {
    const fields = discordPayload(hugeDigest(25), 'en').embeds[0].fields
    expect(fields).toHaveLength(25)
    expect(fields.at(-1)!.name).toMatch(/^query 24 /)
  })
})

describe('genericPayload', () => {
  it('carries the alert itself with the rendered subject and text', () => {
    const a = alert()
    const payload = genericPayload(a, 'he')
    expect(payload).toMatchObject({ type: 'stagecraft.listen.alert', version: 1, locale: 'he', alert: a })
    expect(payload.subject).toBe('עלייה באזכורים השליליים של "café lune" · Café Lune')
    expect(payload.text).toContain('אזכורים שליליים בשעה האחרונה: 9')
  })
})
