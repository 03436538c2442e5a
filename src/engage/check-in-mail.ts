/**
 * The check-in reminder: one e-mail per teammate who answers the inbox, in that person's
 * language (their own, else the workspace's), with the block's times on the workspace's clock,
 * how many items wait in it and a link to the check-in. Sent by the `check-in-remind` job, one
 * job per check-in and person, so a retry after a refused delivery never mails anyone twice.
 */
import { directionOf, isLocale, isTimeZone, type Locale } from '../domain/index.js'
import { translator } from '../i18n/index.js'
import { checkInRecipients, findCheckIn, findWorkspace, markCheckInReminded } from '../store/index.js'
import type { EngageContext } from './context.js'

/** What a reminder says, before it is put into words. */
export interface CheckInReminder {
  workspaceName: string
  timeZone: string
  startsAt: number
  endsAt: number
  /** Items prepared for the check-in. */
  items: number
  /** The check-in in the app. */
  link: string
}

export interface RenderedReminder {
  subject: string
  text: string
  html: string
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => htmlEntities[c]!)

/** The reminder in `locale`: subject, plain text and HTML (right to left for Arabic and Hebrew). */
export function renderCheckInReminder(reminder: CheckInReminder, locale: Locale): RenderedReminder {
  const t = translator(locale)
  const clock = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: isTimeZone(reminder.timeZone) ? reminder.timeZone : 'UTC' })
  const workspace = reminder.workspaceName
  const start = clock.format(reminder.startsAt)
  const subject = t('engage.check_in_mail.subject', { count: reminder.items, time: start })
  const intro = t('engage.check_in_mail.intro', { workspace, start, end: clock.format(reminder.endsAt) })
  const items = t('engage.check_in_mail.items', { count: reminder.items })
  const open = t('engage.check_in_mail.open')
  const footer = t('engage.check_in_mail.footer', { workspace })
  const text = [subject, intro, items, `${open}\n${reminder.link}`, footer].join('\n\n') + '\n'
  const dir = directionOf(locale)
  const html =
    `<!doctype html>\n<html lang="${locale}" dir="${dir}">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>\n` +
    `<body style="margin:0;padding:0;background:#f8f9fa">\n` +
    `<div dir="${dir}" lang="${locale}" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;color:#212529;font-family:'Noto Sans','Segoe UI',Roboto,Arial,sans-serif;font-size:15px;line-height:1.5">\n` +
    `<h1 style="font-size:20px;line-height:1.3;margin:0 0 12px">${escapeHtml(subject)}</h1>\n` +
    `<p style="margin:0 0 12px">${escapeHtml(intro)}</p>\n` +
    `<p style="margin:0 0 16px">${escapeHtml(items)}</p>\n` +
    `<p style="margin:20px 0"><a href="${escapeHtml(reminder.link)}" style="display:inline-block;background:#1c7ed6;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px">${escapeHtml(open)}</a></p>\n` +
    `<p style="margin:24px 0 0;font-size:12px;color:#868e96">${escapeHtml(footer)}</p>\n` +
    `</div>\n</body>\n</html>\n`
  return { subject, text, html }
}

/**
 * Sends one teammate the reminder of one check-in. Nothing is sent for a check-in already done
 * or over, or to someone no longer answering the inbox; a refused delivery throws, so the job
 * tries again.
 */
export async function sendCheckInReminder(ctx: EngageContext, job: { checkInId: string; userId: string }): Promise<void> {
  const checkIn = await findCheckIn(ctx.db, job.checkInId)
  if (!checkIn || checkIn.completedAt !== null || checkIn.endsAt <= ctx.now()) return
  const [workspace, recipients] = await Promise.all([findWorkspace(ctx.db, checkIn.workspaceId), checkInRecipients(ctx.db, checkIn.workspaceId)])
  const recipient = recipients.find((r) => r.userId === job.userId)
  if (!workspace || !recipient) return
  if (!ctx.mailer || !ctx.publicUrl) throw new Error('no SMTP server is configured (SMTP_URL)')
  const locale = isLocale(recipient.locale) ? recipient.locale : isLocale(workspace.locale) ? workspace.locale : 'en'
  const message = renderCheckInReminder(
    {
      workspaceName: workspace.name,
      timeZone: workspace.timeZone,
      startsAt: checkIn.startsAt,
      endsAt: checkIn.endsAt,
      items: (JSON.parse(checkIn.itemIds) as string[]).length,
      link: new URL(`/inbox?checkin=${encodeURIComponent(checkIn.id)}`, ctx.publicUrl).toString(),
    },
    locale,
  )
  await ctx.mailer.send({ to: [recipient.email], ...message, headers: { 'Content-Language': locale } })
  await markCheckInReminded(ctx.db, checkIn.id, ctx.now())
}
