import { describe, expect, it } from 'vitest'
import { countableLength, formatContent } from './text.js'

describe('the Mastodon contract server counts and renders text like Mastodon', () => {
  it('counts graphemes, a URL as 23 and a remote mention without its domain', () => {
    expect(countableLength('👩🏽‍🍳')).toBe(1)
    expect(countableLength('خبز طازج')).toBe(8)
    expect(countableLength(`see https://example.com/${'a'.repeat(200)}.`)).toBe(4 + 23 + 1)
    expect(countableLength('example.com/x')).toBe(13)
    expect(countableLength('hi @miller@flour.example')).toBe('hi @miller'.length)
    expect(countableLength('body', 'cw ')).toBe(7)
  })

  it('renders HTML as TextFormatter does', () => {
    const lookup = (name: string) => (name === 'miller' ? { url: 'https://flour.example/@miller', username: 'miller' } : undefined)
    expect(formatContent('a\nb\n\nc & <d>', 'http://x', lookup)).toBe('<p>a<br />b</p><p>c &amp; &lt;d&gt;</p>')
    expect(formatContent('@miller@flour.example @nobody@else.example', 'http://x', lookup)).toBe(
      '<p><span class="h-card" translate="no"><a href="https://flour.example/@miller" class="u-url mention">@<span>miller</span></a></span> @nobody@else.example</p>',
    )
    expect(formatContent('#bakery', 'http://x', lookup)).toBe('<p><a href="http://x/tags/bakery" class="mention hashtag" rel="tag">#<span>bakery</span></a></p>')
  })
})
