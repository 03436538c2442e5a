/**
 * The website script on its own: it parses as ES5, keeps the landing URL's click id in a
 * first-party cookie, sends conversions to the address it was loaded from (no credentials), and
 * frames the form with the click id and the page's language. It runs here in a bare V8 context
 * with the few browser objects it touches; the browser test runs it in Chromium for real.
 */
import vm from 'node:vm'
import { Linter } from 'eslint'
import { describe, expect, it } from 'vitest'
import { translator } from '../i18n/index.js'
import { siteScript, transparentGif } from './site-script.js'

interface Sent {
  url: string
  init: { method: string; body: string; credentials: string; keepalive: boolean; headers: Record<string, string> }
}

interface FakeFrame {
  src: string
  title: string
  style: Record<string, string>
  setAttribute(name: string, value: string): void
}

/** A page of the business's website at `url`, with a cookie jar and `hearSlots` form placeholders. */
function fakePage(options: { url: string; cookies?: string[]; lang?: string; hearSlots?: number; fetchStatus?: number }) {
  const location = new URL(options.url)
  const jar = new Map<string, string>((options.cookies ?? []).map((c) => c.split('=') as [string, string]))
  const written: string[] = []
  const sent: Sent[] = []
  const frames: FakeFrame[] = []
  const slots = Array.from({ length: options.hearSlots ?? 0 }, () => {
    const attributes = new Map<string, string>()
    return {
      getAttribute: (name: string) => attributes.get(name) ?? null,
      setAttribute: (name: string, value: string) => void attributes.set(name, value),
      appendChild: (frame: FakeFrame) => void frames.push(frame),
    }
  })
  const document = {
    readyState: 'complete',
    currentScript: { src: 'https://app.stagecraft.example/m.js', getAttribute: (name: string) => (name === 'data-site-key' ? 'site_abc' : null) },
    documentElement: { getAttribute: (name: string) => (name === 'lang' ? (options.lang ?? null) : null) },
    get cookie() {
      return [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    },
    set cookie(value: string) {
      written.push(value)
      const [pair = ''] = value.split(';')
      const [name = '', v = ''] = pair.split('=')
      jar.set(name, v)
    },
    createElement(tag: string) {
      if (tag === 'a') {
        const link = { protocol: '', host: '', set href(value: string) {
          const u = new URL(value)
          link.protocol = u.protocol
          link.host = u.host
        } }
        return link
      }
      const attributes = new Map<string, string>()
      return { src: '', title: '', style: {}, setAttribute: (n: string, v: string) => void attributes.set(n, v) }
    },
    querySelectorAll: (selector: string) => (selector === '[data-stagecraft-hear]' ? slots : []),
    addEventListener: () => {},
  }
  const window: Record<string, unknown> = {
    location: { search: location.search, protocol: location.protocol },
    navigator: { language: 'en-US' },
    Promise,
    fetch: async (url: string, init: Sent['init']) => {
      sent.push({ url, init })
      const status = options.fetchStatus ?? 201
      return { ok: status < 300, status, json: async () => (status < 300 ? { recorded: true } : { error: { code: 'validation' } }) }
    },
  }
  vm.runInNewContext(siteScript(), { window, document })
  const stagecraft = window.stagecraft as { convert(type: string, options?: Record<string, unknown>): Promise<{ ok: boolean; status: number; recorded: boolean }>; clickId(): string | null }
  return { stagecraft, written, sent, frames, jar }
}

describe('the website script', () => {
  it('is plain ES5 that any browser can parse', () => {
    const problems = new Linter().verify(siteScript(), { languageOptions: { ecmaVersion: 5, sourceType: 'script' } })
    expect(problems.map((p) => p.message)).toEqual([])
    expect(siteScript().length).toBeLessThan(8_000)
  })

  it('keeps the click id of the landing URL in a first-party cookie for 30 days', () => {
    const landing = fakePage({ url: 'https://shop.example/landing?utm_source=mastodon&sc_click=01JABCDEFGHJKMNPQRSTVWXYZ0' })
    expect(landing.written).toEqual(['sc_click=01JABCDEFGHJKMNPQRSTVWXYZ0; Max-Age=2592000; Path=/; SameSite=Lax; Secure'])
    const later = fakePage({ url: 'https://shop.example/thanks', cookies: [`sc_click=01JABCDEFGHJKMNPQRSTVWXYZ0`] })
    expect(later.written).toEqual([])
    expect(later.stagecraft.clickId()).toBe('01JABCDEFGHJKMNPQRSTVWXYZ0')
    // Not over https: no Secure flag (it would not be kept).
    expect(fakePage({ url: 'http://shop.example/?sc_click=abc' }).written[0]).not.toContain('Secure')
  })

  it('ignores a click id that is not a token', () => {
    const page = fakePage({ url: 'https://shop.example/?sc_click=%3Cscript%3E' })
    expect(page.written).toEqual([])
    expect(page.stagecraft.clickId()).toBeNull()
  })

  it('sends a conversion to the app it was loaded from, without credentials, with the click id', async () => {
    const page = fakePage({ url: 'https://shop.example/thanks', cookies: ['other=1', 'sc_click=clk_1'] })
    const result = await page.stagecraft.convert('purchase', { value: '12.50', currency: 'EUR', dedupeKey: 'order-77' })
    expect(result).toEqual({ ok: true, status: 201, recorded: true, error: null })
    expect(page.sent).toHaveLength(1)
    const [call] = page.sent
    expect(call!.url).toBe('https://app.stagecraft.example/api/public/conversions')
    expect(call!.init).toMatchObject({ method: 'POST', credentials: 'omit', keepalive: true })
    expect(call!.init.headers['content-type']).toMatch(/^text\/plain/)
    expect(JSON.parse(call!.init.body)).toEqual({ siteKey: 'site_abc', type: 'purchase', value: 12.5, currency: 'EUR', dedupeKey: 'order-77', clickId: 'clk_1' })
  })

  it('never rejects: a refused conversion resolves with what went wrong', async () => {
    const page = fakePage({ url: 'https://shop.example/', fetchStatus: 400 })
    const result = await page.stagecraft.convert('Purchase!', { value: 'lots' })
    expect(result.ok).toBe(false)
    expect(result.status).toBe(400)
    // A value that is not a number is passed on as written, so the app can name the field.
    expect(JSON.parse(page.sent[0]!.init.body)).toEqual({ siteKey: 'site_abc', type: 'Purchase!', value: 'lots' })
  })

  it('frames the form in the page language with the click id, titled in that language', () => {
    const page = fakePage({ url: 'https://shop.example/?sc_click=clk_2', lang: 'ar-SA', hearSlots: 2 })
    expect(page.frames.map((f) => f.src)).toEqual([
      'https://app.stagecraft.example/f/hear/site_abc?click=clk_2&lang=ar',
      'https://app.stagecraft.example/f/hear/site_abc?click=clk_2&lang=ar',
    ])
    expect(page.frames[0]!.title).toBe(translator('ar')('measure.form.question'))
    expect(page.frames[0]!.style.border).toBe('0')
  })
})

describe('the pixel image', () => {
  it('is a 1×1 GIF', () => {
    expect(transparentGif.subarray(0, 6).toString('latin1')).toBe('GIF89a')
    expect(transparentGif.readUInt16LE(6)).toBe(1)
    expect(transparentGif.readUInt16LE(8)).toBe(1)
  })
})
