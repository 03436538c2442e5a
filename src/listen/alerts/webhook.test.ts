/**
 * Webhook delivery against real HTTP servers on loopback: each checks the body the way the
 * service would (Slack's incoming-webhook shape, Discord's execute-webhook shape and limits, the
 * generic JSON), and answers with errors, rate limits, redirects or silence. The URL guard is
 * checked with literal addresses and an injected resolver, so no test leaves this machine.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebhookError } from './errors.js'
import type { Alert } from './types.js'
import { checkWebhookUrl, retryAfter, sendWebhook } from './webhook.js'

interface Received {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  body: string
}

interface Peer {
  url: string
  received: Received[]
}

const servers: http.Server[] = []

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** A loopback server answering each request with `answer(request)`: status, headers, body. */
async function peer(answer: (r: Received) => { status: number; headers?: Record<string, string>; body?: string } | 'hang'): Promise<Peer> {
  const received: Received[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const r = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      received.push(r)
      const reply = answer(r)
      if (reply === 'hang') return
      res.writeHead(reply.status, reply.headers ?? {})
      res.end(reply.body ?? '')
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/T000/B000/secret`, received }
}

const at = Date.UTC(2026, 4, 3, 12, 5)
const alert: Alert = {
  kind: 'spike',
  workspaceName: 'Café Lune',
  queryName: 'café lune',
  count: 42,
  threshold: 18,
  baseline: 4.3,
  mentions: [{ text: 'Lovely <croissants> & coffee @everyone', url: 'https://bsky.app/profile/a/post/1', authorHandle: '@alice', sentiment: 'positive', publishedAt: at - 60_000 }],
  link: 'https://social.example.com/listen',
  at,
  timeZone: 'Europe/Paris',
}

const send = (url: string, format: 'slack' | 'discord' | 'generic', extra: { timeoutMs?: number; allowPrivate?: boolean } = {}) =>
  sendWebhook({ url, format, alert, locale: 'en', allowPrivate: extra.allowPrivate ?? true, ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}) })

/** Slack's incoming-webhook rules as far as these messages use them; the problems found, if any. */
function slackProblems(payload: unknown): string[] {
  const problems: string[] = []
  const p = payload as { text?: unknown; blocks?: unknown }
  if (typeof p.text !== 'string' || p.text.length === 0) problems.push('text must be a non-empty string (the notification fallback)')
  if (!Array.isArray(p.blocks) || p.blocks.length === 0 || p.blocks.length > 50) return [...problems, 'blocks must hold 1 to 50 blocks']
  for (const [i, block] of (p.blocks as Array<Record<string, unknown>>).entries()) {
    const textObject = (o: unknown, where: string, max: number) => {
      const t = o as { type?: unknown; text?: unknown }
      if (t.type !== 'mrkdwn' && t.type !== 'plain_text') problems.push(`${where}: text object type`)
      if (typeof t.text !== 'string' || t.text.length < 1 || t.text.length > max) problems.push(`${where}: text length 1..${max}`)
    }
    if (block.type === 'section') {
      if ('text' in block) textObject(block.text, `blocks[${i}].text`, 3000)
      else if (Array.isArray(block.fields) && block.fields.length <= 10) block.fields.forEach((f, j) => textObject(f, `blocks[${i}].fields[${j}]`, 2000))
      else problems.push(`blocks[${i}]: a section needs text or up to 10 fields`)
    } else if (block.type === 'actions') {
      for (const e of block.elements as Array<{ type: string; text: unknown; url: string }>) {
        if (e.type !== 'button' || !/^https?:\/\//.test(e.url)) problems.push(`blocks[${i}]: link button`)
        textObject(e.text, `blocks[${i}].button`, 75)
      }
    } else if (block.type === 'context') {
      ;(block.elements as unknown[]).forEach((e, j) => textObject(e, `blocks[${i}].elements[${j}]`, 3000))
    } else problems.push(`blocks[${i}]: unexpected type ${String(block.type)}`)
  }
  return problems
}

/** Discord's execute-webhook rules for content and embeds; the problems found, if any. */
function discordProblems(payload: unknown): string[] {
  const problems: string[] = []
  const p = payload as { content?: string; embeds?: Array<Record<string, unknown>>; allowed_mentions?: unknown }
  if (typeof p.content !== 'string' || p.content.length > 2000) problems.push('content ≤ 2000')
  if (!Array.isArray(p.embeds) || p.embeds.length < 1 || p.embeds.length > 10) return [...problems, '1 to 10 embeds']
  for (const e of p.embeds) {
    const fields = (e.fields ?? []) as Array<{ name: string; value: string; inline?: boolean }>
    const footer = (e.footer as { text: string } | undefined)?.text ?? ''
    if (typeof e.title !== 'string' || e.title.length > 256) problems.push('title ≤ 256')
    if (typeof e.description !== 'string' || e.description.length > 4096) problems.push('description ≤ 4096')
    if (typeof e.color !== 'number' || !Number.isInteger(e.color) || e.color < 0 || e.color > 0xffffff) problems.push('color is an RGB integer')
    if (typeof e.timestamp !== 'string' || new Date(e.timestamp).toISOString() !== e.timestamp) problems.push('timestamp is ISO 8601')
    if (fields.length > 25) problems.push('≤ 25 fields')
    for (const f of fields) if (!f.name || f.name.length > 256 || !f.value || f.value.length > 1024) problems.push('field name ≤ 256, value ≤ 1024')
    const total = String(e.title).length + String(e.description).length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0)
    if (total > 6000) problems.push('≤ 6000 characters over the embed')
  }
  if (JSON.stringify(p.allowed_mentions) !== JSON.stringify({ parse: [] })) problems.push('allowed_mentions must parse nothing')
  return problems
}

describe('sendWebhook', () => {
  it("posts to a loopback server checking Slack's incoming-webhook payload shape", async () => {
    const slack = await peer((r) => {
      const problems = slackProblems(JSON.parse(r.body))
      return problems.length === 0 ? { status: 200, body: 'ok' } : { status: 400, body: problems.join('; ') }
    })
    await expect(send(slack.url, 'slack')).resolves.toEqual({ status: 200 })
    expect(slack.received).toHaveLength(1)
    const [request] = slack.received
    expect(request!.method).toBe('POST')
    expect(request!.path).toBe('/hooks/T000/B000/secret')
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8')
    const body = JSON.parse(request!.body) as { text: string }
    expect(body.text).toContain('Mention spike for “café lune”')
    expect(request!.body).toContain('Lovely &lt;croissants&gt; &amp; coffee')
  })

  it("posts to a loopback server checking Discord's execute-webhook payload shape and limits", async () => {
    const discord = await peer((r) => {
      const problems = discordProblems(JSON.parse(r.body))
      return problems.length === 0 ? { status: 204 } : { status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 50035, message: problems.join('; ') }) }
    })
    await expect(send(discord.url, 'discord')).resolves.toEqual({ status: 204 })
    const body = JSON.parse(discord.received[0]!.body) as { content: string; embeds: Array<{ title: string; url: string }> }
    expect(body.embeds[0]).toMatchObject({ title: 'Mention spike for “café lune” · Café Lune', url: 'https://social.example.com/listen' })
  })

  it('posts the alert model and its rendered words to a generic loopback endpoint', async () => {
    const generic = await peer(() => ({ status: 202 }))
    await expect(send(generic.url, 'generic')).resolves.toEqual({ status: 202 })
    const body = JSON.parse(generic.received[0]!.body) as Record<string, unknown>
    expect(body).toMatchObject({ type: 'stagecraft.listen.alert', version: 1, locale: 'en', subject: 'Mention spike for “café lune” · Café Lune', alert })
    expect(body.text).toContain('Mentions in the past hour: 42')
  })

  it('refuses a loopback URL when private addresses are not allowed, before connecting', async () => {
    const local = await peer(() => ({ status: 200 }))
    const error = await send(local.url, 'generic', { allowPrivate: false }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WebhookError)
    expect((error as WebhookError).reason).toBe('private_address')
    expect((error as WebhookError).messageKey).toBe('url_private_address')
    const byName = await send(local.url.replace('127.0.0.1', 'localhost'), 'generic', { allowPrivate: false }).catch((e: unknown) => e)
    expect((byName as WebhookError).reason).toBe('private_address')
    expect(local.received).toHaveLength(0)
  })

  it('reports a refusal with its status, and whether trying again may help', async () => {
    const gone = await peer(() => ({ status: 404, body: 'no_service' }))
    const error = (await send(gone.url, 'slack').catch((e: unknown) => e)) as WebhookError
    expect(error).toBeInstanceOf(WebhookError)
    expect(error).toMatchObject({ reason: 'http_error', httpStatus: 404, responseText: 'no_service', messageKey: 'webhook_http_error', params: { status: 404 } })
    expect(error.transient).toBe(false)
    expect(error.message).not.toContain('secret')

    const broken = await peer(() => ({ status: 503 }))
    const serverError = (await send(broken.url, 'generic').catch((e: unknown) => e)) as WebhookError
    expect(serverError).toMatchObject({ reason: 'http_error', httpStatus: 503 })
    expect(serverError.transient).toBe(true)
  })

  it('reads how long to wait from Retry-After, or from Discord\'s retry_after', async () => {
    const slack = await peer(() => ({ status: 429, headers: { 'retry-after': '7' }, body: 'rate_limited' }))
    const error = (await send(slack.url, 'slack').catch((e: unknown) => e)) as WebhookError
    expect(error).toMatchObject({ reason: 'rate_limited', httpStatus: 429, retryAfterMs: 7000 })
    expect(error.transient).toBe(true)

    const discord = await peer(() => ({ status: 429, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'You are being rate limited.', retry_after: 1.5, global: false }) }))
    expect(await send(discord.url, 'discord').catch((e: unknown) => e)).toMatchObject({ reason: 'rate_limited', retryAfterMs: 1500 })
  })

  it('does not follow a redirect to somewhere unchecked', async () => {
    const target = await peer(() => ({ status: 200 }))
    const mover = await peer(() => ({ status: 302, headers: { location: target.url } }))
    expect(await send(mover.url, 'generic').catch((e: unknown) => e)).toMatchObject({ reason: 'http_error', httpStatus: 302 })
    expect(target.received).toHaveLength(0)
  })

  it('gives up on a server that never answers, with a timeout error', async () => {
    const silent = await peer(() => 'hang')
    const error = (await send(silent.url, 'generic', { timeoutMs: 300 }).catch((e: unknown) => e)) as WebhookError
    expect(error).toMatchObject({ reason: 'timeout' })
    expect(error.transient).toBe(true)
  })

  it('reports a server that is down as a network error', async () => {
    const down = await peer(() => ({ status: 200 }))
    const url = down.url
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve))
    expect(await send(url, 'generic').catch((e: unknown) => e)).toMatchObject({ reason: 'network' })
  })
})

describe('checkWebhookUrl', () => {
  const publicResolver = async () => [{ address: '93.184.216.34', family: 4 }]
  const privateResolver = async () => [{ address: '192.168.1.20', family: 4 }]
  const failingResolver = async () => {
    throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' })
  }
  const cases: Array<{ name: string; url: string; allowPrivate: boolean; format: 'slack' | 'discord' | 'generic'; resolver?: typeof publicResolver; reason?: string }> = [
    { name: 'a public https Slack URL', url: 'https://hooks.slack.example/services/T/B/x', allowPrivate: false, format: 'slack', resolver: publicResolver },
    { name: 'not a URL', url: 'hooks slack', allowPrivate: false, format: 'slack', reason: 'invalid_url' },
    { name: 'another scheme', url: 'ftp://hooks.example/x', allowPrivate: true, format: 'generic', reason: 'unsupported_protocol' },
    { name: 'credentials in the URL', url: 'https://user:pw@hooks.example/x', allowPrivate: true, format: 'generic', reason: 'credentials_in_url' },
    { name: 'plain http for Slack', url: 'http://93.184.216.34/services/T/B/x', allowPrivate: false, format: 'slack', reason: 'insecure_url' },
    { name: 'plain http for Discord to a public host, even with private addresses allowed', url: 'http://93.184.216.34/api/webhooks/1/x', allowPrivate: true, format: 'discord', reason: 'insecure_url' },
    { name: 'plain http for Slack to a private host when private addresses are allowed (self-hosted Mattermost)', url: 'http://10.0.0.5/hooks/x', allowPrivate: true, format: 'slack' },
    { name: 'plain http for a generic public endpoint', url: 'http://93.184.216.34/hook', allowPrivate: false, format: 'generic' },
    { name: 'a private address', url: 'https://10.0.0.5/hook', allowPrivate: false, format: 'generic', reason: 'private_address' },
    { name: 'IPv6 loopback', url: 'https://[::1]/hook', allowPrivate: false, format: 'discord', reason: 'private_address' },
    { name: 'a name resolving to a private address', url: 'https://hooks.internal.example/x', allowPrivate: false, format: 'generic', resolver: privateResolver, reason: 'private_address' },
    { name: 'a name that does not resolve', url: 'https://hooks.nowhere.example/x', allowPrivate: false, format: 'generic', resolver: failingResolver, reason: 'unresolvable' },
  ]
  it.each(cases)('$name', async ({ url, allowPrivate, format, resolver, reason }) => {
    const result = checkWebhookUrl(url, allowPrivate, format, resolver ?? failingResolver)
    if (reason) await expect(result).rejects.toMatchObject({ name: 'WebhookError', reason })
    else await expect(result).resolves.toBeInstanceOf(URL)
  })
})

describe('retryAfter', () => {
  const now = Date.UTC(2026, 4, 3, 12)
  it.each([
    { header: '30', body: '', expected: 30_000 },
    { header: '0.25', body: '', expected: 250 },
    { header: 'Sun, 03 May 2026 12:00:10 GMT', body: '', expected: 10_000 },
    { header: null, body: '{"retry_after": 2.5}', expected: 2500 },
    { header: null, body: 'slow down', expected: undefined },
    { header: 'soon', body: '', expected: undefined },
  ])('Retry-After $header, body $body → $expected ms', ({ header, body, expected }) => {
    expect(retryAfter(header, body, now)).toBe(expected)
  })
})
