/**
 * The dashboard benchmark's data: one workspace with five accounts (three on Mastodon, two on
 * Bluesky), a year of published posts (one target each, the 4E content types in turn, the
 * networks' counts skewed as real ones are, one tracked link per target), the accounts'
 * followers per day, clicks on the links (most within two days of the post, 5% bots, ~70% with a
 * referrer, visitors from a pool), conversions through ~1% of the clicks and "how did you hear
 * about us?" answers. Rows go straight through better-sqlite3 in large transactions: through the
 * app's queries ten million clicks would take hours. A seeded generator makes every run's data
 * the same, so runs can be compared.
 */
import BetterSqlite3 from 'better-sqlite3'
import { addDays, dayOf, dayStart } from '../../src/measure/index.js'

export interface DashboardDataOptions {
  /** The SQLite file, already migrated. */
  file: string
  posts: number
  clicks: number
  /** The benchmark's clock: posts span the 365 days before it, and no click comes later. */
  now: number
  timeZone: string
  seed: number
  progress(line: string): void
}

export interface DashboardData {
  workspaceId: string
  accounts: Array<{ id: string; network: string }>
  counts: { posts: number; clicks: number; conversions: number; formAnswers: number; accountDays: number }
}

const dayMs = 24 * 3600_000
const hourMs = 3600_000
const yearMs = 365 * dayMs
const contentTypes = ['educate', 'entertain', 'engage', 'empower', null] as const
const accountSpecs = [
  { network: 'mastodon', handle: 'cafelune@mastodon.social', host: 'mastodon.social' },
  { network: 'mastodon', handle: 'cafelune@piaille.fr', host: 'piaille.fr' },
  { network: 'mastodon', handle: 'cafelune@eldritch.cafe', host: 'eldritch.cafe' },
  { network: 'bluesky', handle: 'cafe-lune.example', host: 'bsky.app' },
  { network: 'bluesky', handle: 'lune-atelier.example', host: 'bsky.app' },
] as const
const formAnswerCount = 2_000
const formAnswers = ['mastodon', 'bluesky', 'friend', 'search', 'other'] as const
/** Of the posts, every 20th is a "hit": it draws 30% of the clicks and larger counts. */
const hitEvery = 20
const hitClickShare = 0.3
const botShare = 0.05
const referrerShare = 0.7
const conversionShare = 0.01
const visitorPoolSize = 400_000
const chunkRows = 250_000

/** mulberry32: small, fast and good enough to draw benchmark data from. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const base32 = '0123456789abcdefghjkmnpqrstvwxyz'
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Ids laid out as the app's (48-bit time, then 80 random bits in Crockford base32), from the seeded generator. */
function idMaker(random: () => number): (at: number) => string {
  return (at) => {
    let id = ''
    let t = at
    for (let i = 0; i < 10; i++) {
      id = base32[t % 32]! + id
      t = Math.floor(t / 32)
    }
    for (let i = 0; i < 4; i++) {
      let bits = Math.floor(random() * 1_048_576)
      for (let j = 0; j < 4; j++) {
        id += base32[bits & 31]!
        bits >>>= 5
      }
    }
    return id
  }
}

/** The n-th link's code: 8 base-62 characters, distinct for every n (a multiplication by a prime, modulo 62^8). */
function linkCode(n: number): string {
  const space = 62 ** 8
  let value = (n * 2_654_435_761 + 123_456_789) % space
  let code = ''
  for (let i = 0; i < 8; i++) {
    code = base62[value % 62]! + code
    value = Math.floor(value / 62)
  }
  return code
}

function hex(random: () => number, chars: number): string {
  let out = ''
  while (out.length < chars) out += Math.floor(random() * 4_294_967_296).toString(16).padStart(8, '0')
  return out.slice(0, chars)
}

/** A count with a long tail (Pareto, α = 2): mostly small, now and then large; `mean` on average. */
function skewed(random: () => number, mean: number): number {
  return Math.min(1_000_000, Math.floor(mean * (1 / Math.sqrt(1 - random()) - 1)))
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

/** Rows per second, for the progress lines. */
function rate(rows: number, since: number): string {
  return `${Math.round(rows / Math.max(0.001, (performance.now() - since) / 1000)).toLocaleString('en-US')} rows/s`
}

/**
 * Writes the workspace and its year of activity into `options.file`. Foreign keys are not
 * checked and the file is not synced while loading (every row is consistent by construction);
 * the write-ahead log is folded into the file at the end, so the app's connection starts from a
 * plain database.
 */
export function loadDashboardData(options: DashboardDataOptions): DashboardData {
  const { now, timeZone, progress } = options
  const random = seededRandom(options.seed)
  const newId = idMaker(random)
  const sqlite = new BetterSqlite3(options.file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('foreign_keys = OFF')
  sqlite.pragma('cache_size = -1000000')
  const inChunks = (total: number, write: (from: number, to: number) => void) => {
    const run = sqlite.transaction(write)
    for (let from = 0; from < total; from += chunkRows) run(from, Math.min(total, from + chunkRows))
  }

  const first = now - yearMs
  const workspaceId = newId(first - 30 * dayMs)
  const userId = newId(first - 30 * dayMs)
  sqlite.prepare('insert into workspaces (id, name, time_zone, locale, created_at) values (?, ?, ?, ?, ?)').run(workspaceId, 'Café Lune', timeZone, 'fr', first - 30 * dayMs)
  sqlite
    .prepare('insert into users (id, email, name, password_hash, locale, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)')
    .run(userId, 'owner@cafe-lune.example', 'Owner', 'x', 'fr', first - 30 * dayMs, first - 30 * dayMs)
  sqlite.prepare('insert into memberships (workspace_id, user_id, role, created_at) values (?, ?, ?, ?)').run(workspaceId, userId, 'owner', first - 30 * dayMs)
  const insertAccount = sqlite.prepare(
    `insert into accounts (id, workspace_id, network, remote_id, handle, display_name, profile_url, credentials, settings, status, checked_at, connected_by, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, 'bench', '{}', 'active', ?, ?, ?, ?)`,
  )
  const accounts = accountSpecs.map((spec, i) => {
    const at = first - 30 * dayMs + i * 60_000
    const id = newId(at)
    insertAccount.run(id, workspaceId, spec.network, `remote-${i}`, spec.handle, `Café Lune ${i + 1}`, `https://${spec.host}/@${spec.handle}`, now, userId, at, at)
    return { id, network: spec.network, host: spec.host }
  })

  // Posts, each with its target, counts and tracked link, evenly over the year.
  const started = performance.now()
  const postCount = options.posts
  const publishedAt = new Float64Array(postCount)
  const accountOf = new Uint8Array(postCount)
  const postIds: string[] = new Array(postCount)
  const linkIds: string[] = new Array(postCount)
  const insertPost = sqlite.prepare(
    `insert into posts (id, workspace_id, author_id, text, status, schedule_mode, scheduled_at, content_type, source, created_at, updated_at)
     values (?, ?, ?, ?, 'published', 'at', ?, ?, 'composer', ?, ?)`,
  )
  const insertTarget = sqlite.prepare(
    `insert into post_targets (id, post_id, account_id, status, attempts, first_attempt_at, remote_id, remote_url, published_at, created_at, updated_at)
     values (?, ?, ?, 'published', 1, ?, ?, ?, ?, ?, ?)`,
  )
  const insertCounts = sqlite.prepare('insert into post_metrics (target_id, workspace_id, likes, reposts, replies, quotes, views, fetched_at) values (?, ?, ?, ?, ?, ?, null, ?)')
  const insertLink = sqlite.prepare(
    `insert into tracked_links (id, workspace_id, code, url, destination, post_id, target_id, network, created_by, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  inChunks(postCount, (from, to) => {
    for (let i = from; i < to; i++) {
      const at = first + Math.floor(((i + random()) * yearMs) / postCount)
      const a = Math.floor(random() * accounts.length)
      const account = accounts[a]!
      const created = at - 2 * hourMs
      const postId = newId(created)
      const targetId = newId(created)
      const linkId = newId(created)
      const url = `https://cafe-lune.example/carte/${i % 500}?lang=fr`
      const text = `Aujourd'hui au Café Lune (${i}) : ${pick(random, ['la tarte du jour', 'un atelier latte art', 'nos nouveaux horaires', 'le concert de jeudi', 'votre avis compte'])} ${url}`
      publishedAt[i] = at
      accountOf[i] = a
      postIds[i] = postId
      linkIds[i] = linkId
      insertPost.run(postId, workspaceId, userId, text, at, contentTypes[i % contentTypes.length]!, created, at)
      insertTarget.run(targetId, postId, account.id, at, `r${i}`, `https://${account.host}/post/${i.toString(36)}`, at, created, at)
      const boost = i % hitEvery === 0 ? 5 : 1
      insertCounts.run(targetId, workspaceId, skewed(random, 8 * boost), skewed(random, 2 * boost), skewed(random, 1.5 * boost), skewed(random, 0.3 * boost), now - Math.floor(random() * 6 * hourMs))
      const destination = `${url}&utm_source=${account.network}&utm_medium=social&utm_campaign=social&utm_content=${postId}`
      insertLink.run(linkId, workspaceId, linkCode(i), url, destination, postId, targetId, account.network, userId, created)
    }
    progress(`posts: ${to.toLocaleString('en-US')} of ${postCount.toLocaleString('en-US')} (${rate(to * 4, started)}: post, target, counts, link)`)
  })

  // Followers per account and workspace day, growing, from the day before the first post to today.
  const insertAccountDay = sqlite.prepare('insert into account_metrics (account_id, workspace_id, day, followers, following, posts, at) values (?, ?, ?, ?, ?, ?, ?)')
  const today = dayOf(now, timeZone)
  let accountDays = 0
  sqlite.transaction(() => {
    let index = 0
    for (let day = dayOf(first - dayMs, timeZone); day <= today; day = addDays(day, 1), index++) {
      const at = Math.min(now, dayStart(day, timeZone) + 20 * hourMs)
      accounts.forEach((account, a) => {
        const followers = 300 * (a + 1) + Math.floor(index * (2 + a) + random() * 10)
        insertAccountDay.run(account.id, workspaceId, day, followers, 150 + a * 20, Math.floor((index * postCount) / 365 / accounts.length), at)
        accountDays += 1
      })
    }
  })()

  // Clicks: drawn, then written in time order as the redirect writes them.
  const clickCount = options.clicks
  const linkBits = Math.max(1, Math.ceil(Math.log2(postCount)))
  // A click's time and link packed in one float (exact below 2^53), so one native sort orders them.
  const linkSpace = 2 ** linkBits
  const timeUnit = Math.max(1, Math.ceil((yearMs + dayMs) / 2 ** (53 - linkBits)))
  const keys = new Float64Array(clickCount)
  const hits = Math.ceil(postCount / hitEvery)
  for (let c = 0; c < clickCount; c++) {
    const link = random() < hitClickShare ? Math.min(postCount - 1, Math.floor(random() * hits) * hitEvery) : Math.floor(random() * postCount)
    const posted = publishedAt[link]!
    // Most clicks come within two days of the post; a few weeks later for the rest.
    let delay = random() < 0.9 ? -Math.log(1 - random()) * 8 * hourMs : 2 * dayMs + random() * 28 * dayMs
    if (posted + delay > now) delay = random() * (now - posted)
    keys[c] = Math.floor((posted + delay - first) / timeUnit) * linkSpace + link
  }
  keys.sort()
  progress(`clicks: ${clickCount.toLocaleString('en-US')} drawn and ordered by time`)

  const visitors = Array.from({ length: visitorPoolSize }, () => hex(random, 64))
  const botVisitors = Array.from({ length: 50 }, () => hex(random, 64))
  const languages = [
    ['fr', 'FR'],
    ['fr', 'FR'],
    ['fr', 'FR'],
    ['fr', 'BE'],
    ['en', 'GB'],
    ['en', 'US'],
    ['de', 'DE'],
    ['es', 'ES'],
    ['ar', 'MA'],
    ['he', 'IL'],
    ['bn', 'BD'],
  ] as const
  const devices = ['mobile', 'mobile', 'mobile', 'mobile', 'mobile', 'mobile', 'desktop', 'desktop', 'desktop', 'tablet', 'other'] as const
  const insertClick = sqlite.prepare(
    `insert into clicks (id, link_id, workspace_id, post_id, network, at, referrer_host, device, lang, country, visitor, bot)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertConversion = sqlite.prepare(
    `insert into conversions (id, workspace_id, click_id, link_id, post_id, network, type, value, currency, source, answer, dedupe_key, at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?)`,
  )
  let conversions = 0
  const clicksStarted = performance.now()
  inChunks(clickCount, (from, to) => {
    for (let c = from; c < to; c++) {
      const key = keys[c]!
      const link = key % linkSpace
      const at = first + ((key - link) / linkSpace) * timeUnit
      const account = accounts[accountOf[link]!]!
      const id = newId(at)
      if (random() < botShare) {
        insertClick.run(id, linkIds[link]!, workspaceId, postIds[link]!, account.network, at, null, 'bot', null, 'US', pick(random, botVisitors), 1)
        continue
      }
      const referrer = random() < referrerShare ? (random() < 0.1 ? 'www.google.com' : account.host) : null
      const [lang, country] = pick(random, languages)
      const visitor = visitors[Math.floor(random() * random() * visitorPoolSize)]!
      insertClick.run(id, linkIds[link]!, workspaceId, postIds[link]!, account.network, at, referrer, pick(random, devices), lang, country, visitor, 0)
      if (random() < conversionShare / (1 - botShare)) {
        const convertedAt = Math.min(now, at + Math.floor(random() * 3 * hourMs))
        const sale = random() < 0.7
        const value = sale ? Math.round((5 + random() * random() * 200) * 100) / 100 : null
        insertConversion.run(newId(convertedAt), workspaceId, id, linkIds[link]!, postIds[link]!, account.network, sale ? 'purchase' : 'signup', value, sale ? 'EUR' : null, pick(random, ['script', 'pixel', 'server']), null, convertedAt)
        conversions += 1
      }
    }
    if (to % 1_000_000 === 0 || to === clickCount) progress(`clicks: ${to.toLocaleString('en-US')} of ${clickCount.toLocaleString('en-US')} (${rate(to, clicksStarted)}), ${conversions.toLocaleString('en-US')} conversions`)
  })

  sqlite.transaction(() => {
    for (let i = 0; i < formAnswerCount; i++) {
      const at = first + Math.floor(random() * yearMs)
      insertConversion.run(newId(at), workspaceId, null, null, null, null, 'heard', null, null, 'form', pick(random, formAnswers), at)
    }
  })()
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.close()
  return {
    workspaceId,
    accounts: accounts.map(({ id, network }) => ({ id, network })),
    counts: { posts: postCount, clicks: clickCount, conversions, formAnswers: formAnswerCount, accountDays },
  }
}
