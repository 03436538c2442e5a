import { describe, expect, it } from 'vitest'
import { comparableText, contentShows, htmlToText } from './match-text.js'

describe('Mastodon content compared with what we posted', () => {
  it('reads the HTML Mastodon renders back as text', () => {
    // Shapes from app/lib/text_formatter.rb and the examples in docs.joinmastodon.org/entities/Status/.
    expect(htmlToText('<p>Hello world</p>')).toBe('Hello world')
    expect(htmlToText('<p>one<br />two</p><p>three</p>')).toBe('one\ntwo\n\nthree')
    const link =
      '<a href="https://example.com/orders/spring-2026/rye-and-spelt" target="_blank" rel="nofollow noopener noreferrer" translate="no">' +
      '<span class="invisible">https://</span><span class="ellipsis">example.com/orders/spring-2026/</span><span class="invisible">rye-and-spelt</span></a>'
    expect(htmlToText(`<p>Order: ${link}</p>`)).toBe('Order: https://example.com/orders/spring-2026/rye-and-spelt')
    expect(htmlToText('<p><span class="h-card" translate="no"><a href="https://flour.example/@miller" class="u-url mention">@<span>miller</span></a></span> hi</p>')).toBe('@miller hi')
    expect(htmlToText('<p>&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39; &#x1F956;</p>')).toBe('<b> & "x" \'y\' 🥖')
  })

  it('compares modulo whitespace, Unicode normalization and remote mention domains', () => {
    expect(comparableText('  a\n\n b\tc ')).toBe('a b c')
    expect(comparableText('Cafe\u0301')).toBe(comparableText('Café'))
    expect(comparableText('Thanks @miller@flour.example and @local!')).toBe('Thanks @miller and @local!')
    expect(comparableText('write to info@bakery.example')).toBe('write to info@bakery.example')
    expect(comparableText('https://mastodon.social/@miller@flour.example')).toBe('https://mastodon.social/@miller@flour.example')
    expect(contentShows('<p>Thanks <span class="h-card"><a href="#" class="u-url mention">@<span>miller</span></a></span></p>', 'Thanks @miller@flour.example')).toBe(true)
    expect(contentShows('<p>Thanks</p>', 'Thanks!')).toBe(false)
  })
})
