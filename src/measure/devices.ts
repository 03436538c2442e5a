/**
 * Who clicked, in broad strokes: the device class from the user agent, and whether it was a bot
 * or a link-preview fetcher (counted apart, never as a visitor). Bots are recognised by the
 * `isbot` pattern plus the preview fetchers of the networks we publish to, listed here so that a
 * change in `isbot` cannot silently turn them into visitors.
 */
import { isbot } from 'isbot'

export type DeviceClass = 'mobile' | 'tablet' | 'desktop' | 'bot' | 'other'

export interface AgentClass {
  device: DeviceClass
  bot: boolean
}

/**
 * Link-preview fetchers (each checked against `isbot` 5.2.3, which knows them all, some only by
 * a generic word such as "http" or "@bsky."): Slack, Facebook, X, Discord, Telegram, WhatsApp,
 * LinkedIn, Bluesky's card fetcher (cardyb) and Mastodon's (http.rb … Mastodon).
 */
const previewFetchers = /slackbot|facebookexternalhit|facebookcatalog|twitterbot|discordbot|telegrambot|whatsapp|linkedinbot|cardyb|http\.rb\/.*mastodon|skypeuripreview|embedly|iframely|redditbot/i

const tablet = /ipad|tablet|kindle|silk\/|playbook|nexus (7|9|10)|sm-t\d|(android(?!.*mobile))/i
const mobile = /mobi|iphone|ipod|android|windows phone|blackberry|bb10|opera mini|iemobile/i
const desktop = /windows nt|macintosh|mac os x|x11|linux|cros/i

/** True for the link-preview fetchers listed above (without `isbot`). */
export function isPreviewFetcher(userAgent: string): boolean {
  return previewFetchers.test(userAgent)
}

/** Classifies a user agent; pure and uncached (see `createAgentClassifier`). */
export function classifyAgent(userAgent: string | undefined): AgentClass {
  // Browsers always send one; an empty user agent is a script.
  if (!userAgent || isPreviewFetcher(userAgent) || isbot(userAgent)) return { device: 'bot', bot: true }
  if (tablet.test(userAgent)) return { device: 'tablet', bot: false }
  if (mobile.test(userAgent)) return { device: 'mobile', bot: false }
  if (desktop.test(userAgent)) return { device: 'desktop', bot: false }
  return { device: 'other', bot: false }
}

/**
 * `classifyAgent` with a bounded memory of recent user agents: a few browsers send most clicks,
 * and `isbot`'s pattern costs a few microseconds per agent. Cleared when full (simple and enough).
 */
export function createAgentClassifier(maxEntries = 2000): (userAgent: string | undefined) => AgentClass {
  const seen = new Map<string, AgentClass>()
  return (userAgent) => {
    if (!userAgent) return classifyAgent(userAgent)
    let found = seen.get(userAgent)
    if (!found) {
      found = classifyAgent(userAgent)
      if (seen.size >= maxEntries) seen.clear()
      // Long agents are rare and mostly junk: not worth keeping.
      if (userAgent.length <= 512) seen.set(userAgent, found)
    }
    return found
  }
}
