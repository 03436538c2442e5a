import { isbot } from 'isbot'
import { describe, expect, it } from 'vitest'
import { classifyAgent, createAgentClassifier, isPreviewFetcher } from './devices.js'

const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'
const androidTablet = 'Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'
const ipad = 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1'
const windows = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'
const mac = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15'

/** Link-preview fetchers of the networks we publish to and the chat apps links travel through. */
const previewFetchers = {
  slack: 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  facebook: 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  x: 'Twitterbot/1.0',
  discord: 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
  telegram: 'TelegramBot (like TwitterBot)',
  whatsapp: 'WhatsApp/2.23.20.0 A',
  linkedin: 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  bluesky: 'Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)',
  mastodon: 'http.rb/5.2.0 (Mastodon/4.3.0; +https://mastodon.social/)',
}

describe('classifyAgent', () => {
  it('tells phones, tablets and computers apart', () => {
    expect(classifyAgent(iphone)).toEqual({ device: 'mobile', bot: false })
    expect(classifyAgent(android)).toEqual({ device: 'mobile', bot: false })
    expect(classifyAgent(ipad)).toEqual({ device: 'tablet', bot: false })
    expect(classifyAgent(androidTablet)).toEqual({ device: 'tablet', bot: false })
    expect(classifyAgent(windows)).toEqual({ device: 'desktop', bot: false })
    expect(classifyAgent(mac)).toEqual({ device: 'desktop', bot: false })
    expect(classifyAgent('Mozilla/5.0 (PlayStation; PlayStation 5/2.26) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.0 Safari/605.1.15')).toEqual({ device: 'other', bot: false })
  })

  it.each(Object.entries(previewFetchers))('counts the %s preview fetcher as a bot', (_name, agent) => {
    expect(classifyAgent(agent)).toEqual({ device: 'bot', bot: true })
  })

  it.each(Object.entries(previewFetchers))('knows the %s preview fetcher by our own list, whatever isbot says', (_name, agent) => {
    expect(isPreviewFetcher(agent)).toBe(true)
    // isbot 5.2.3 knows it too (some only by a generic word): noted, not relied on.
    expect(isbot(agent)).toBe(true)
  })

  it('does not take browsers for preview fetchers', () => {
    for (const agent of [iphone, android, ipad, windows, mac]) expect(isPreviewFetcher(agent)).toBe(false)
    // In-app browsers of the networks are people, not fetchers.
    expect(isPreviewFetcher(`${iphone} [FBAN/FBIOS;FBAV/450.0]`)).toBe(false)
  })

  it('counts search crawlers and agentless requests as bots', () => {
    expect(classifyAgent('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)').bot).toBe(true)
    expect(classifyAgent('curl/8.5.0').bot).toBe(true)
    expect(classifyAgent(undefined).bot).toBe(true)
    expect(classifyAgent('').bot).toBe(true)
  })
})

describe('createAgentClassifier', () => {
  it('answers like classifyAgent, from memory for agents seen before, and stays bounded', () => {
    const classify = createAgentClassifier(2)
    expect(classify(iphone)).toEqual(classifyAgent(iphone))
    expect(classify(iphone)).toBe(classify(iphone))
    expect(classify(windows)).toEqual({ device: 'desktop', bot: false })
    expect(classify(previewFetchers.slack)).toEqual({ device: 'bot', bot: true })
    expect(classify(undefined)).toEqual({ device: 'bot', bot: true })
  })
})
