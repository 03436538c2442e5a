/** Cutting untrusted text by graphemes and escaping it for HTML, Slack and Discord. */
import { describe, expect, it } from 'vitest'
import { collapseWhitespace, escapeDiscord, escapeHtml, escapeSlack, safeHttpUrl, truncateGraphemes, truncateLength } from './text.js'

const graphemes = (text: string) => [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment)

describe('truncateGraphemes', () => {
  it('keeps a text that fits, cuts one that does not with "…" counted in the limit', () => {
    expect(truncateGraphemes('hello', 5)).toBe('hello')
    expect(truncateGraphemes('hello!', 5)).toBe('hell…')
    expect(truncateGraphemes('hello', 0)).toBe('')
  })

  it('never breaks an emoji with a skin tone, a family, a flag or a Bengali conjunct', () => {
    const text = '👍🏽👨‍👩‍👧🇫🇷ক্ষমা'.repeat(20)
    const cut = truncateGraphemes(text, 7)
    expect(graphemes(cut)).toEqual(['👍🏽', '👨‍👩‍👧', '🇫🇷', 'ক্ষ', 'মা', '👍🏽', '…'])
  })

  it('drops spaces left before the ellipsis', () => {
    expect(truncateGraphemes('abc   defgh', 5)).toBe('abc…')
  })
})

describe('truncateLength', () => {
  it('counts UTF-16 code units but cuts only between graphemes', () => {
    const text = '👍🏽'.repeat(10) // 4 code units each
    const cut = truncateLength(text, 10)
    expect(cut.length).toBeLessThanOrEqual(10)
    expect(cut).toBe('👍🏽👍🏽…')
    expect(truncateLength('short', 10)).toBe('short')
    expect(truncateLength('x'.repeat(11), 10)).toBe('x'.repeat(9) + '…')
  })
})

describe('escaping', () => {
  it('escapes HTML content and attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  })

  it("escapes Slack's three control characters and nothing else", () => {
    expect(escapeSlack('<!channel> & <https://evil.example|click> *bold*')).toBe('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt; *bold*')
  })

  it('disarms Discord markdown: masked links, spoilers, quotes, custom emoji', () => {
    expect(escapeDiscord('[free](https://evil.example) ||secret|| > quote <:e:1> **b** a_b')).toBe(
      '\\[free\\]\\(https://evil.example\\) \\|\\|secret\\|\\| \\> quote \\<:e:1\\> \\*\\*b\\*\\* a\\_b',
    )
  })

  it('turns only http(s) URLs into links', () => {
    expect(safeHttpUrl('https://example.com/a b')).toBe('https://example.com/a%20b')
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeHttpUrl('data:text/html,x')).toBeUndefined()
    expect(safeHttpUrl('/relative')).toBeUndefined()
    expect(safeHttpUrl(undefined)).toBeUndefined()
  })

  it('collapses line breaks and runs of spaces', () => {
    expect(collapseWhitespace('  a\n\n b\t c ')).toBe('a b c')
  })
})
