/**
 * What comes out of a feed, fetched from a real HTTP server on 127.0.0.1: the three formats,
 * stable ids, newest-first order, plain-text summaries, scripts and charsets.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fetchFeed } from './index.js'
import type { Feed } from './index.js'
import { fixture, rss, serve, startFeedServer } from './fixtures/feed-server.js'
import type { FeedServer } from './fixtures/feed-server.js'

let server: FeedServer
beforeAll(async () => {
  server = await startFeedServer()
})
afterAll(() => server.close())
beforeEach(() => server.reset())

async function fetchServed(body: string | Buffer, headers: Record<string, string> = {}): Promise<Feed> {
  server.route('/feed', serve(body, headers))
  const result = await fetchFeed(server.url('/feed'), { allowPrivate: true })
  if (result.status !== 'ok') throw new Error(`expected a feed, got ${result.status}`)
  return result.feed
}

describe('formats', () => {
  it('reads RSS 2.0: feed fields, guid ids, authors, deduplicated categories, images, newest first', async () => {
    const feed = await fetchServed(fixture('rss2.xml'))
    expect(feed).toMatchObject({ title: 'Corner Bakery & Café', link: 'https://bakery.example/', language: 'en-gb' })
    expect(feed.items.map((i) => i.id)).toEqual(['bakery-post-20', 'bakery-post-17', 'https://bakery.example/posts/summer'])
    const [stollen, autumn, summer] = feed.items
    expect(autumn).toEqual({
      id: 'bakery-post-17',
      title: 'Autumn menu',
      link: 'https://bakery.example/posts/autumn',
      summary: 'Pumpkin & spice are back.',
      publishedAt: Date.parse('2024-10-01T08:00:00Z'),
      author: 'Ada Baker',
      imageUrl: 'https://cdn.bakery.example/autumn.jpg',
      categories: ['Menu', 'Seasonal'],
    })
    expect(stollen?.imageUrl).toBe('https://cdn.bakery.example/stollen-thumb.jpg')
    // Relative links and image sources resolve against the site.
    expect(summer).toMatchObject({
      link: 'https://bakery.example/posts/summer',
      summary: 'We open at 7 from July.',
      imageUrl: 'https://bakery.example/img/summer.png',
      categories: [],
    })
  })

  it('reads Atom 1.0: entry ids, HTML titles as text, xhtml content, labels, updated when never published', async () => {
    const feed = await fetchServed(fixture('atom.xml'), { 'content-type': 'application/atom+xml' })
    expect(feed).toMatchObject({ title: 'Atelier Vélo', link: 'https://velo.example/', language: 'fr' })
    expect(feed.items).toEqual([
      {
        id: 'tag:velo.example,2024:express',
        title: 'Réparation express',
        link: 'https://velo.example/2024/express',
        summary: 'Votre vélo prêt en une heure.',
        publishedAt: Date.parse('2024-11-05T10:00:00Z'),
        author: 'Camille',
        categories: ["L'atelier"],
      },
      {
        id: 'tag:velo.example,2024:horaires',
        title: 'Nouveaux horaires',
        link: 'https://velo.example/2024/horaires',
        summary: 'Ouvert le samedi.',
        publishedAt: Date.parse('2024-09-01T09:00:00Z'),
        author: 'Atelier',
        categories: [],
      },
    ])
  })

  it('reads RSS 1.0 (RDF): ids fall back to the link, dates from dc:date', async () => {
    const feed = await fetchServed(fixture('rdf.xml'), { 'content-type': 'application/rdf+xml' })
    expect(feed).toMatchObject({ title: 'Garden Centre', link: 'https://garden.example/', language: 'en' })
    expect(feed.items.map((i) => [i.id, i.title, i.publishedAt])).toEqual([
      ['https://garden.example/tips/roses', 'Pruning roses', Date.parse('2024-10-20T12:00:00Z')],
      ['https://garden.example/tips/bulbs', 'Plant bulbs now', Date.parse('2024-10-10T12:00:00Z')],
    ])
    expect(feed.items[1]?.author).toBe('Sam')
  })
})

describe('XML safety', () => {
  it('reads an RSS 0.91 feed with its public DOCTYPE, without fetching the DTD', async () => {
    const doctype = '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">'
    const feed = await fetchServed(rss('<item><title>Hi</title><link>http://old.example/1</link></item>', '<title>Old</title>', `<?xml version="1.0"?>${doctype}`))
    expect(feed.items.map((i) => i.id)).toEqual(['http://old.example/1'])
    expect(server.requests.map((r) => r.path)).toEqual(['/feed'])
  })

  it('refuses external entities (no file is read) and does not expand nested entities (no entity bombs)', async () => {
    const external = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    server.route('/xxe', serve(rss('<item><guid>x</guid><title>&xxe;</title></item>', undefined, external)))
    await expect(fetchFeed(server.url('/xxe'), { allowPrivate: true })).rejects.toMatchObject({ reason: 'not_a_feed' })
    const nested = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    const feed = await fetchServed(rss('<item><guid>b</guid><title>&b;&b;&b;</title></item>', undefined, nested))
    expect(feed.items[0]?.title.length).toBeLessThan(100)
  })
})

describe('item ids and order', () => {
  const noGuidOrLink = rss(`
    <item><title>Market day</title><pubDate>Sat, 02 Nov 2024 09:00:00 GMT</pubDate></item>
    <item><title>Closed for a week</title><pubDate>Fri, 01 Nov 2024 09:00:00 GMT</pubDate></item>
    <item><title>No date, first</title></item>
    <item><title>No date, second</title></item>
    <item><title>Dated last in the file</title><pubDate>Sun, 03 Nov 2024 09:00:00 GMT</pubDate></item>`)

  it('hashes title and date when there is no guid or link, the same on every poll', async () => {
    const first = await fetchServed(noGuidOrLink)
    const second = await fetchServed(noGuidOrLink)
    const ids = first.items.map((i) => i.id)
    expect(ids.every((id) => /^sha256:[0-9a-f]{32}$/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(5)
    expect(second.items.map((i) => i.id)).toEqual(ids)
  })

  it('sorts newest first and keeps undated items last in feed order', async () => {
    const feed = await fetchServed(noGuidOrLink)
    expect(feed.items.map((i) => i.title)).toEqual(['Dated last in the file', 'Market day', 'Closed for a week', 'No date, first', 'No date, second'])
  })

  it('keeps the first of items that share a guid, so ids are unique', async () => {
    const feed = await fetchServed(rss('<item><guid>a</guid><title>One</title></item><item><guid>a</guid><title>Again</title></item>'))
    expect(feed.items.map((i) => [i.id, i.title])).toEqual([['a', 'One']])
  })
})

describe('text', () => {
  it('strips HTML from summaries: scripts, styles and comments dropped, entities decoded, whitespace collapsed, text after an unclosed tag kept', async () => {
    const description = `<![CDATA[
      <style>p { color: red }</style><script>alert("x")</script><!-- hidden -->
      <p>Caf&eacute; &amp; bar&nbsp;&mdash; &#8220;open&#x201D;   late,</p>
      <ul><li>1 &lt; 2</li><li>fish&amp;chips&hellip;</li></ul>
      Double-escaped &amp;amp; too. &unknown; stays. Use the &lt;script&gt; tag, said the tutorial.
    ]]>`
    const feed = await fetchServed(rss(`<item><guid>t</guid><title>T</title><description>${description}</description></item>`))
    expect(feed.items[0]?.summary).toBe('Café & bar — “open” late, 1 < 2 fish&chips… Double-escaped & too. &unknown; stays. Use the tag, said the tutorial.')
  })

  it('drops links and images that are not http(s)', async () => {
    const item = '<item><title>x</title><link>javascript:alert(1)</link><description>&lt;img src="data:image/png;base64,AAAA"&gt;</description></item>'
    const [parsed] = (await fetchServed(rss(item))).items
    expect(parsed?.link).toBeUndefined()
    expect(parsed?.imageUrl).toBeUndefined()
    expect(parsed?.id).toMatch(/^sha256:/)
  })

  it('keeps mixed-script titles intact: Arabic, Hebrew, Bengali, joiners, direction marks, emoji', async () => {
    const titles = [
      'عروض الخريف في المخبز 🥐',
      'מבצע סתיו בקונדיטוריה — 20% הנחה',
      'শরতের মেনু: ক্ষ্‌মা, র‍্যাব আর কফি',
      'Café \u200fמבצע\u200e and خصم — ৫০%',
    ]
    const items = titles.map((t, i) => `<item><guid>s${i}</guid><title>${t}</title><description>${t}</description></item>`).join('')
    const feed = await fetchServed(rss(items, '<title>مخبز · מאפייה · বেকারি</title>'))
    expect(feed.title).toBe('مخبز · מאפייה · বেকারি')
    expect(feed.items.map((i) => i.title)).toEqual(titles)
    expect(feed.items.map((i) => i.summary)).toEqual(titles)
  })
})

describe('charsets', () => {
  const latinTitle = 'Crème brûlée – “le goût” ™ 5 €'

  it('decodes windows-1252 declared in the Content-Type', async () => {
    const body = Buffer.concat([
      Buffer.from(rss('<item><guid>w</guid><title>', undefined, '<?xml version="1.0"?>').replace(/<\/channel>.*$/s, ''), 'latin1'),
      // Bytes as windows-1252 encodes them: 0x96 en dash, 0x93/0x94 curly quotes, 0x99 ™, 0x80 €.
      Buffer.from([0x43, 0x72, 0xe8, 0x6d, 0x65, 0x20, 0x62, 0x72, 0xfb, 0x6c, 0xe9, 0x65, 0x20, 0x96, 0x20, 0x93]),
      Buffer.from('le go', 'latin1'),
      Buffer.from([0xfb, 0x74, 0x94, 0x20, 0x99, 0x20, 0x35, 0x20, 0x80]),
      Buffer.from('</title></item></channel></rss>', 'latin1'),
    ])
    const feed = await fetchServed(body, { 'content-type': 'application/rss+xml; charset=windows-1252' })
    expect(feed.items[0]?.title).toBe(latinTitle)
  })

  it('decodes ISO-8859-1 declared only in the XML prolog', async () => {
    const text = rss('<item><guid>l</guid><title>Smørrebrød, Käse & Jalapeño: ½ prix</title></item>', undefined, '<?xml version="1.0" encoding="ISO-8859-1"?>')
    const feed = await fetchServed(Buffer.from(text.replace('&', '&amp;'), 'latin1'), { 'content-type': 'text/xml' })
    expect(feed.items[0]?.title).toBe('Smørrebrød, Käse & Jalapeño: ½ prix')
  })

  it('lets the Content-Type charset win over the prolog, and a byte-order mark win over both', async () => {
    const text = rss('<item><guid>u</guid><title>naïve café</title></item>', undefined, '<?xml version="1.0" encoding="ISO-8859-1"?>')
    const utf8 = await fetchServed(Buffer.from(text, 'utf8'), { 'content-type': 'application/xml; charset="UTF-8"' })
    expect(utf8.items[0]?.title).toBe('naïve café')
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
    const bom = await fetchServed(withBom, { 'content-type': 'text/xml; charset=iso-8859-1' })
    expect(bom.items[0]?.title).toBe('naïve café')
  })

  it('falls back to UTF-8 when the declared charset is unknown', async () => {
    const text = rss('<item><guid>x</guid><title>Ünïcödé</title></item>')
    const feed = await fetchServed(Buffer.from(text, 'utf8'), { 'content-type': 'application/rss+xml; charset=x-no-such-charset' })
    expect(feed.items[0]?.title).toBe('Ünïcödé')
  })
})
