/**
 * Every constant of the influence and equity formulas, in one place. A part's constants are also
 * its `formulaValues`, the values its catalog text prints (`{{fullReach, number}}`…), so the
 * formula a person reads and the one the code runs cannot drift apart. The scales are set so that
 * a small business (a bakery with 300 followers posting 10 times a month) lands mid-range.
 */
export const formulaConstants = {
  influence: {
    /** Engagement quality weighs most: 100 followers you talk with beat 10,000 who ignore you. */
    weights: { reach: 0.3, quality: 0.4, amplification: 0.3 },
    /** Reach per post that scores 100 on the log scale (300 per post scores 50). */
    reach: { fullReach: 100_000 },
    quality: {
      /** A reply counts as this many likes… */
      replyWeight: 3,
      /** …and a repost or a quote as this many. */
      shareWeight: 2,
      /** Weighted engagement per person reached that scores 63 (5%). */
      rateScale: 0.05,
      /** Share of followers who engaged that scores 63 (5%). */
      engagedScale: 0.05,
    },
    /** Reposts and quotes per post that score 63. */
    amplification: { sharesScale: 2 },
  },
  equity: {
    /** Each part's share, for display only: equity has no total. */
    weight: 0.25,
    connection: {
      /** Share of engagers who came back at least twice that scores 63 (30%). */
      repeatScale: 0.3,
      /** Replies per post that score 63. */
      depthScale: 2,
    },
    /** Share of clicks with no referrer that scores 63 (30%). */
    familiarity: { directScale: 0.3 },
    virality: {
      /** Reposts and quotes per post that score 63. */
      sharesScale: 2,
      /** People reached beyond the followers, per post, that score 63. */
      secondDegreeScale: 100,
    },
    /** Conversions in the period that score 63. */
    value: { conversionScale: 10 },
  },
} as const
