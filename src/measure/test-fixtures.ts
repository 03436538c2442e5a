/**
 * Builders for the measure reports' tests: a month of a small bakery's dashboard with realistic
 * figures (three networks, the four Es, a handful of posts, form answers, response times on each
 * network, and both scores worked out by the domain's own formulas from those figures).
 * Kept out of the public surface and the build.
 */
import { equityScore, influenceScore } from '../domain/index.js'
import type { DashboardTotals, MeasureDashboard, PostRow } from './dashboard-types.js'

const minute = 60_000
const hour = 60 * minute

/** One post on one network, published on 2 November 2026 at 08:30 in Paris. */
export function samplePost(overrides: Partial<PostRow> = {}): PostRow {
  return {
    postId: 'post-1',
    targetId: 'target-1',
    network: 'bluesky',
    handle: '@northwind.bakery',
    text: 'Our sourdough class is back: two Saturdays, eight seats, flour on everything.',
    contentType: 'educate',
    publishedAt: Date.UTC(2026, 10, 2, 7, 30),
    url: 'https://bsky.app/profile/northwind.bakery/post/3l2x',
    likes: 84,
    reposts: 12,
    replies: 9,
    quotes: 2,
    views: null,
    engagement: 107,
    engagementRate: 0.0863,
    clicks: 46,
    conversions: 5,
    revenue: 225,
    ...overrides,
  }
}

/** `count` distinct posts, fewer conversions the further down the list, a day apart. */
export function samplePosts(count: number): PostRow[] {
  return Array.from({ length: count }, (_, i) =>
    samplePost({
      postId: `post-${i + 1}`,
      targetId: `target-${i + 1}`,
      network: i % 3 === 0 ? 'bluesky' : i % 3 === 1 ? 'mastodon' : 'threads',
      text: `Post number ${i + 1}: what came out of the oven this morning, and why it smells of cardamom.`,
      publishedAt: Date.UTC(2026, 9, 25, 7) + i * 18 * hour,
      conversions: Math.max(0, 40 - i),
      clicks: 200 - i,
      engagement: 150 - i,
      revenue: Math.max(0, 40 - i) * 12.5,
    }),
  )
}

const totals: DashboardTotals = {
  posts: 38,
  followers: 1240,
  followersChange: 56,
  reach: 18_450,
  views: 6120,
  likes: 612,
  reposts: 88,
  replies: 131,
  quotes: 14,
  engagement: 845,
  engagementRate: 0.0458,
  clicks: 1284,
  botClicks: 97,
  visitors: 1032,
  conversions: 47,
  revenue: 2315.5,
  hearAnswers: 63,
  hearSocial: 41,
}

const previousTotals: DashboardTotals = {
  ...totals,
  posts: 31,
  followers: 1184,
  followersChange: 38,
  reach: 15_020,
  views: 5380,
  likes: 498,
  reposts: 61,
  replies: 97,
  quotes: 9,
  engagement: 665,
  engagementRate: 0.0443,
  clicks: 1020,
  botClicks: 83,
  visitors: 870,
  conversions: 35,
  revenue: 1710,
  hearAnswers: 52,
  hearSocial: 30,
}

const counts = { posts: totals.posts, likes: totals.likes, reposts: totals.reposts, replies: totals.replies, quotes: totals.quotes }

/** The 30 days from 25 October to 23 November 2026, day by day. */
function sampleDaily(): MeasureDashboard['daily'] {
  return Array.from({ length: 30 }, (_, i) => {
    const day = new Date(Date.UTC(2026, 9, 25 + i)).toISOString().slice(0, 10)
    return { day, posts: i % 4 === 0 ? 2 : 1, engagement: 20 + (i % 7) * 4, clicks: 35 + (i % 5) * 3, botClicks: 3, visitors: 30 + (i % 5) * 2, conversions: i % 3 === 0 ? 2 : 1, revenue: i % 3 === 0 ? 98.5 : 45, followers: 1184 + 2 * i }
  })
}

/** The Northwind Bakery's dashboard for 25 October – 23 November 2026 (Paris time, euros). */
export function sampleDashboard(overrides: Partial<MeasureDashboard> = {}): MeasureDashboard {
  return {
    period: { from: '2026-10-25', to: '2026-11-23', days: 30, timeZone: 'Europe/Paris' },
    previous: { from: '2026-09-25', to: '2026-10-24' },
    currency: 'EUR',
    totals,
    previousTotals,
    daily: sampleDaily(),
    byNetwork: [
      { network: 'bluesky', posts: 16, followers: 610, reach: 7900, engagement: 402, engagementRate: 0.0509, clicks: 688, conversions: 27, revenue: 1402.5 },
      { network: 'mastodon', posts: 14, followers: 420, reach: 4430, engagement: 251, engagementRate: 0.0567, clicks: 402, conversions: 14, revenue: 613 },
      { network: 'threads', posts: 8, followers: 210, reach: 6120, engagement: 192, engagementRate: 0.0314, clicks: 194, conversions: 6, revenue: 300 },
    ],
    byContentType: [
      { contentType: 'educate', posts: 14, engagement: 318, engagementRate: 0.049, clicks: 610, conversions: 24, revenue: 1210 },
      { contentType: 'entertain', posts: 9, engagement: 247, engagementRate: 0.061, clicks: 188, conversions: 6, revenue: 270 },
      { contentType: 'engage', posts: 8, engagement: 196, engagementRate: 0.052, clicks: 301, conversions: 11, revenue: 560.5 },
      { contentType: 'empower', posts: 3, engagement: 52, engagementRate: 0.033, clicks: 97, conversions: 4, revenue: 175 },
      { contentType: 'none', posts: 4, engagement: 32, engagementRate: 0.018, clicks: 88, conversions: 2, revenue: 100 },
    ],
    topPosts: [
      samplePost(),
      samplePost({
        postId: 'post-2',
        targetId: 'target-2',
        network: 'mastodon',
        handle: '@northwind@social.example',
        text: 'Which bread should we bake for the weekend? Rye, brioche or the olive fougasse. Tell us below.',
        contentType: 'engage',
        publishedAt: Date.UTC(2026, 10, 6, 16, 0),
        url: 'https://social.example/@northwind/11312',
        likes: 41,
        reposts: 6,
        replies: 38,
        quotes: 0,
        engagement: 85,
        engagementRate: 0.1012,
        clicks: 31,
        conversions: 3,
        revenue: 96,
      }),
      samplePost({
        postId: 'post-3',
        targetId: 'target-3',
        network: 'threads',
        handle: '@northwindbakery',
        text: 'Behind the counter at 5 a.m.: a time-lapse of the first batch.',
        contentType: 'entertain',
        publishedAt: Date.UTC(2026, 9, 29, 6, 15),
        url: null,
        likes: 120,
        reposts: 15,
        replies: 7,
        quotes: 3,
        views: 2400,
        engagement: 145,
        engagementRate: 0.0604,
        clicks: 12,
        conversions: 0,
        revenue: 0,
      }),
    ],
    bestTimes: {
      posts: 38,
      cells: [
        { weekday: 2, hour: 8, posts: 5, engagement: 160, clicks: 210 },
        { weekday: 5, hour: 17, posts: 4, engagement: 138, clicks: 150 },
        { weekday: 6, hour: 9, posts: 6, engagement: 121, clicks: 98 },
      ],
      best: [
        { weekday: 2, hour: 8 },
        { weekday: 5, hour: 17 },
      ],
    },
    hearAnswers: [
      { answer: 'bluesky', count: 22 },
      { answer: 'friend', count: 14 },
      { answer: 'mastodon', count: 12 },
      { answer: 'search', count: 8 },
      { answer: 'threads', count: 7 },
    ],
    influence: influenceScore({ ...counts, followers: totals.followers, reach: totals.reach, engagers: 212 }),
    equity: equityScore({
      ...counts,
      reach: totals.reach,
      followers: totals.followers,
      engagers: 212,
      repeatEngagers: 57,
      mentions: 34,
      previousMentions: 27,
      clicks: totals.clicks,
      directClicks: 301,
      conversions: totals.conversions,
      revenue: totals.revenue,
      previousConversions: previousTotals.conversions,
      previousRevenue: previousTotals.revenue,
      secondDegreeReach: 2150,
    }),
    // A four-hour target; a few people still waiting past it count against the share.
    responses: {
      targetMinutes: 240,
      overall: { items: 46, answered: 41, medianMs: 112 * minute, withinTarget: 35, shareWithinTarget: 35 / 43 },
      previousOverall: { items: 38, answered: 30, medianMs: 190 * minute, withinTarget: 21, shareWithinTarget: 21 / 34 },
      byNetwork: [
        { network: 'bluesky', stats: { items: 24, answered: 22, medianMs: 95 * minute, withinTarget: 20, shareWithinTarget: 20 / 23 } },
        { network: 'mastodon', stats: { items: 15, answered: 13, medianMs: 150 * minute, withinTarget: 10, shareWithinTarget: 10 / 14 } },
        { network: 'threads', stats: { items: 7, answered: 6, medianMs: 210 * minute, withinTarget: 5, shareWithinTarget: 5 / 6 } },
      ],
    },
    freshness: { metricsAt: Date.UTC(2026, 10, 23, 21, 40), rolledUntil: '2026-11-23' },
    ...overrides,
  }
}
