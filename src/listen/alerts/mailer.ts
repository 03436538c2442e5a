/**
 * E-mail delivery over SMTP with nodemailer. The server is an operator setting (`SMTP_URL`), not
 * user input, so it is not subject to the URL guard. Every failure leaves as a `MailError` with
 * a closed `reason`, never as nodemailer's own error shapes.
 */
import nodemailer from 'nodemailer'
import type { NodemailerError } from 'nodemailer'
import { MailError, type MailErrorReason } from './errors.js'

/** How to reach the SMTP server and whom the mail is from. */
export interface MailerOptions {
  /**
   * `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…:465` (TLS from
   * the first byte); nodemailer's query options (`?pool=true`, `?tls.rejectUnauthorized=false`) work.
   */
  smtpUrl: string
  /** The From header: `alerts@example.com` or `Stagecraft <alerts@example.com>`. */
  from: string
  /** Time to connect, and to wait for the greeting (default 10 s each). */
  connectTimeoutMs?: number
  /** Time without any answer once connected (default 30 s). */
  socketTimeoutMs?: number
}

/** One message: both parts, so every client shows something readable. */
export interface MailMessage {
  to: string[]
  subject: string
  text: string
  html: string
  /** Extra headers (e.g. List-Unsubscribe). */
  headers?: Record<string, string>
}

/** What the server accepted. Some recipients may have been refused while others were not. */
export interface MailResult {
  messageId: string
  accepted: string[]
  rejected: string[]
}

/** Sends e-mail through one SMTP server. */
export interface Mailer {
  /**
   * Sends one message to every address in `to`.
   * @throws MailError — `recipients_refused` only when no recipient was accepted; a partial
   *   refusal resolves with the refused addresses in `rejected`.
   */
  send(message: MailMessage): Promise<MailResult>
  /** Connects and signs in without sending: for a "check e-mail settings" action. */
  verify(): Promise<void>
  /** Closes pooled connections. */
  close(): void
}

/**
 * A mailer for `smtpUrl`. Messages say they are automatic (`Auto-Submitted: auto-generated`,
 * RFC 3834) so out-of-office replies do not answer them.
 *
 * @example
 * const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom })
 * await mailer.send({ to: ['owner@example.com'], ...renderAlert(alert, 'fr') })
 * @throws MailError `config` when the URL or the sender is missing or malformed.
 */
export function createMailer(options: MailerOptions): Mailer {
  const url = URL.canParse(options.smtpUrl) ? new URL(options.smtpUrl) : undefined
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) throw new MailError('config', { response: 'SMTP_URL must be smtp://… or smtps://…' })
  if (!/@/.test(options.from)) throw new MailError('config', { response: 'MAIL_FROM must hold an e-mail address' })
  const connectTimeout = options.connectTimeoutMs ?? 10_000
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: connectTimeout,
    greetingTimeout: connectTimeout,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
  })
  return {
    async send(message) {
      if (message.to.length === 0) throw new MailError('recipients_refused', { response: 'no recipient given' })
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', ...message.headers },
        })
        return { messageId: info.messageId, accepted: info.accepted.map(String), rejected: info.rejected.map(String) }
      } catch (error) {
        throw toMailError(error)
      }
    },
    async verify() {
      try {
        await transport.verify()
      } catch (error) {
        throw toMailError(error)
      }
    },
    close() {
      transport.close()
    },
  }
}

const tlsCodes = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/

/** Maps nodemailer's error codes to the closed set of reasons. */
function toMailError(error: unknown): MailError {
  if (error instanceof MailError) return error
  const e = error as Partial<NodemailerError> & { rejected?: unknown; originalCode?: string }
  const response = typeof e.response === 'string' ? e.response : undefined
  const smtpCode = typeof e.responseCode === 'number' ? e.responseCode : undefined
  const rejected = Array.isArray(e.rejected) ? e.rejected.map(String) : []
  let reason: MailErrorReason
  switch (e.code) {
    case 'ETIMEDOUT':
      reason = 'timeout'
      break
    case 'ETLS':
    case 'EREQUIRETLS':
      reason = 'tls'
      break
    case 'EAUTH':
    case 'ENOAUTH':
      reason = 'auth'
      break
    case 'EENVELOPE':
      // MAIL FROM refused is the sender's problem; RCPT TO (or a malformed address) the recipients'.
      reason = e.command === 'MAIL FROM' ? 'rejected' : 'recipients_refused'
      break
    case 'EMESSAGE':
      reason = 'rejected'
      break
    case 'ECONFIG':
      reason = 'config'
      break
    default:
      reason = tlsCodes.test(String(e.originalCode ?? '')) ? 'tls' : 'connection'
  }
  return new MailError(reason, {
    ...(smtpCode === undefined ? {} : { smtpCode }),
    ...(response === undefined ? {} : { response }),
    rejected,
    cause: error,
  })
}
