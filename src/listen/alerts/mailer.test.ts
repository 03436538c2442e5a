/**
 * E-mail delivery against a real SMTP server on loopback (the `smtp-server` package): the message
 * arrives with its subject, recipients and both parts; refused recipients, a wrong password and
 * a server that is down end in a typed MailError.
 */
import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import { afterEach, describe, expect, it } from 'vitest'
import { MailError } from './errors.js'
import { createMailer, type Mailer } from './mailer.js'
import { renderAlert } from './render.js'
import type { Alert } from './types.js'

interface Delivered {
  from: string
  to: string[]
  raw: string
}

const servers: SMTPServer[] = []
const mailers: Mailer[] = []

afterEach(async () => {
  for (const mailer of mailers.splice(0)) mailer.close()
  for (const server of servers.splice(0)) await new Promise<void>((resolve) => server.close(() => resolve()))
})

function refusal(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode })
}

/** An SMTP server on loopback without TLS (a local relay), refusing `refused@…` recipients. */
async function smtpServer(options: Partial<SMTPServerOptions> = {}): Promise<{ port: number; delivered: Delivered[] }> {
  const delivered: Delivered[] = []
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refused@')) return callback(refusal('No such mailbox', 550))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        delivered.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
    ...options,
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { port: (server.server.address() as AddressInfo).port, delivered }
}

function mailer(smtpUrl: string): Mailer {
  const m = createMailer({ smtpUrl, from: 'Stagecraft <alerts@stagecraft.example>', connectTimeoutMs: 5000 })
  mailers.push(m)
  return m
}

// A small MIME reader, enough for what nodemailer writes: headers, RFC 2047 words, multipart,
// quoted-printable and base64 bodies.
function splitHead(text: string): { headers: Map<string, string>; body: string } {
  const at = text.indexOf('\r\n\r\n')
  const head = text.slice(0, at).replace(/\r\n[ \t]+/g, ' ')
  const headers = new Map<string, string>()
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':')
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim())
  }
  return { headers, body: text.slice(at + 4) }
}

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*(?==\?)?/gi, (_, encoding: string, data: string) =>
    encoding.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  )
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body)
  return body
}

function parseMessage(raw: string): { headers: Map<string, string>; parts: Map<string, string> } {
  const { headers, body } = splitHead(raw)
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')![1]!
  const parts = new Map<string, string>()
  for (const chunk of body.split(`--${boundary}`).slice(1, -1)) {
    const part = splitHead(chunk.replace(/^\r\n/, ''))
    const type = part.headers.get('content-type')!.split(';')[0]!
    parts.set(type, decodeBody(part.headers, part.body.replace(/\r\n$/, '')))
  }
  return { headers, parts }
}

const alert: Alert = {
  kind: 'negative_burst',
  workspaceName: 'مقهى القمر',
  queryName: 'مقهى القمر',
  count: 9,
  total: 12,
  threshold: 9,
  baseline: 1,
  mentions: [{ text: 'الخدمة سيئة جدًا اليوم', url: 'https://example.com/p/1', sentiment: 'negative', publishedAt: Date.UTC(2026, 4, 3, 11) }],
  link: 'https://social.example.com/listen',
  at: Date.UTC(2026, 4, 3, 12),
  timeZone: 'Asia/Riyadh',
}

describe('createMailer', () => {
  it('delivers the message with its subject, recipients, text and HTML parts to a loopback SMTP server', async () => {
    const server = await smtpServer()
    const rendered = renderAlert(alert, 'ar')
    const result = await mailer(`smtp://127.0.0.1:${server.port}`).send({ to: ['owner@cafe.example', 'team@cafe.example'], ...rendered })
    expect(result.accepted).toEqual(['owner@cafe.example', 'team@cafe.example'])
    expect(result.rejected).toEqual([])
    expect(result.messageId).toMatch(/^<.+@.+>$/)

    expect(server.delivered).toHaveLength(1)
    const [mail] = server.delivered
    expect(mail!.from).toBe('alerts@stagecraft.example')
    expect(mail!.to).toEqual(['owner@cafe.example', 'team@cafe.example'])
    const { headers, parts } = parseMessage(mail!.raw)
    expect(decodeWords(headers.get('subject')!)).toBe(rendered.subject)
    expect(headers.get('to')).toBe('owner@cafe.example, team@cafe.example')
    expect(headers.get('from')).toBe('Stagecraft <alerts@stagecraft.example>')
    expect(headers.get('auto-submitted')).toBe('auto-generated')
    expect(headers.get('content-type')).toMatch(/^multipart\/alternative;/)
    expect(parts.get('text/plain')!.replace(/\r\n/g, '\n')).toBe(rendered.text)
    expect(parts.get('text/html')!.replace(/\r\n/g, '\n')).toBe(rendered.html)
    expect(parts.get('text/html')).toContain('<html lang="ar" dir="rtl">')
  })

  it('delivers to the accepted recipients and names the refused ones', async () => {
    const server = await smtpServer()
    const result = await mailer(`smtp://127.0.0.1:${server.port}`).send({ to: ['owner@cafe.example', 'refused@cafe.example'], subject: 'Hello', text: 'Hi', html: '<p>Hi</p>' })
    expect(result.accepted).toEqual(['owner@cafe.example'])
    expect(result.rejected).toEqual(['refused@cafe.example'])
    expect(server.delivered.map((d) => d.to)).toEqual([['owner@cafe.example']])
  })

  it('fails with recipients_refused when every recipient is refused', async () => {
    const server = await smtpServer()
    const error = await mailer(`smtp://127.0.0.1:${server.port}`).send({ to: ['refused@cafe.example'], subject: 'Hello', text: 'Hi', html: '<p>Hi</p>' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MailError)
    expect(error).toMatchObject({ reason: 'recipients_refused', smtpCode: 550, rejected: ['refused@cafe.example'], messageKey: 'mail_recipients_refused' })
    expect((error as MailError).transient).toBe(false)
    expect(server.delivered).toHaveLength(0)
  })

  it('fails with auth when the server refuses the user name or password', async () => {
    const server = await smtpServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === 'stagecraft' && auth.password === 'right') return callback(null, { user: 'stagecraft' })
        callback(refusal('Invalid username or password', 535))
      },
    })
    const error = await mailer(`smtp://stagecraft:wrong@127.0.0.1:${server.port}`).send({ to: ['owner@cafe.example'], subject: 'Hello', text: 'Hi', html: '<p>Hi</p>' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'MailError', reason: 'auth', smtpCode: 535 })
    await expect(mailer(`smtp://stagecraft:right@127.0.0.1:${server.port}`).send({ to: ['owner@cafe.example'], subject: 'Hello', text: 'Hi', html: '<p>Hi</p>' })).resolves.toMatchObject({
      accepted: ['owner@cafe.example'],
    })
  })

  it('fails with connection, worth retrying, when the server is down', async () => {
    const server = await smtpServer()
    const port = server.port
    for (const s of servers.splice(0)) await new Promise<void>((resolve) => s.close(() => resolve()))
    const m = mailer(`smtp://127.0.0.1:${port}`)
    const error = await m.send({ to: ['owner@cafe.example'], subject: 'Hello', text: 'Hi', html: '<p>Hi</p>' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'MailError', reason: 'connection', messageKey: 'mail_connection' })
    expect((error as MailError).transient).toBe(true)
    await expect(m.verify()).rejects.toMatchObject({ reason: 'connection' })
  })

  it('verifies a working server', async () => {
    const server = await smtpServer()
    await expect(mailer(`smtp://127.0.0.1:${server.port}`).verify()).resolves.toBeUndefined()
  })

  it('refuses a missing or malformed configuration at once', () => {
    expect(() => createMailer({ smtpUrl: '', from: 'alerts@example.com' })).toThrow(MailError)
    expect(() => createMailer({ smtpUrl: 'http://mail.example.com', from: 'alerts@example.com' })).toThrow(expect.objectContaining({ reason: 'config' }))
    expect(() => createMailer({ smtpUrl: 'smtp://mail.example.com', from: 'Stagecraft' })).toThrow(expect.objectContaining({ reason: 'config' }))
  })
})
