/**
 * Listen alerts, without storage: the rules that decide when a query's mentions deserve an alert
 * (spike, negative burst, priority match, daily digest), the alert model, its words in five
 * languages, and delivery by e-mail (SMTP) and webhooks (Slack, Discord, generic JSON). The
 * feature's jobs store alerts, pick recipients and call these. The rules are stated in README.md.
 */
export * from './types.js'
export * from './rules.js'
export * from './digest.js'
export { alertContent, type AlertContent, type ContentMention, type ContentOptions } from './content.js'
export { renderAlert, renderHtml, renderText, type RenderedAlert } from './render.js'
export { createMailer, type Mailer, type MailerOptions, type MailMessage, type MailResult } from './mailer.js'
export {
  discordLimits,
  discordPayload,
  genericPayload,
  slackPayload,
  webhookFormats,
  webhookPayload,
  type DiscordEmbed,
  type DiscordPayload,
  type GenericPayload,
  type SlackBlock,
  type SlackPayload,
  type WebhookFormat,
} from './webhook-payloads.js'
export { checkWebhookUrl, retryAfter, sendWebhook, type SendWebhookOptions } from './webhook.js'
export { MailError, mailErrorReasons, WebhookError, webhookErrorReasons, webhookMessageKey, type MailErrorReason, type WebhookErrorReason } from './errors.js'
export { truncateGraphemes, truncateLength } from './text.js'
