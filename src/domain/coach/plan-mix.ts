/**
 * The road of the plan, the 4 Es (METHODOLOGY.md B step 3): a suggested content mix sized to the
 * company (a small team picks the one or two Es its main goals need; a larger one spreads over
 * more), and the mix a set of posts actually had. Shares are whole percents summing to 100.
 */
import { message } from './message.js'
import { contentTypes, type CompanyProfile, type ContentType, type GoalArea, type Message } from './types.js'

/** The Es each goal area leans on, most useful first. */
export const areaContentTypes: Readonly<Record<GoalArea, readonly [ContentType, ContentType]>> = {
  pr: ['educate', 'entertain'],
  marketing: ['entertain', 'engage'],
  brand: ['entertain', 'engage'],
  innovation: ['empower', 'engage'],
  crowdsourcing: ['empower', 'engage'],
  culture: ['engage', 'entertain'],
  market_engagement: ['engage', 'empower'],
  sales: ['educate', 'engage'],
  support: ['educate', 'engage'],
}

/** When the goals say nothing: conversation first (METHODOLOGY.md B step 2, "conversation is king"). */
const defaultOrder: readonly ContentType[] = ['engage', 'educate', 'entertain', 'empower']

/** A team this small (people) or with fewer hours than this a week focuses on one or two Es. */
export const smallTeam = { maxPeople: 2, minHours: 5, oneTypeBelowHours: 2, allFourFromPeople: 5, allFourFromHours: 10 } as const

/**
 * Whole percents for `weights`, summing to 100 (largest remainders get the leftover points; ties
 * go to the earlier entry). Zero or negative weights get nothing.
 */
export function wholePercents<K extends string>(weights: ReadonlyArray<readonly [K, number]>): Partial<Record<K, number>> {
  const positive = weights.filter(([, w]) => w > 0)
  const total = positive.reduce((sum, [, w]) => sum + w, 0)
  const result: Partial<Record<K, number>> = {}
  if (total <= 0) return result
  const exact = positive.map(([key, w], index) => ({ key, index, exact: (w / total) * 100 }))
  let left = 100
  for (const e of exact) {
    result[e.key] = Math.floor(e.exact)
    left -= Math.floor(e.exact)
  }
  const byRemainder = [...exact].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.index - b.index)
  for (let i = 0; i < left; i++) {
    const e = byRemainder[i % byRemainder.length]!
    result[e.key] = (result[e.key] ?? 0) + 1
  }
  return result
}

/** No chosen E gets fewer points than this: a token share is not worth planning for. */
const minShare = 10

/** Shares in percent proportional to `weights`, raising any under `floor` to it and scaling the others down. */
function withFloor<K extends string>(weights: ReadonlyArray<readonly [K, number]>, floor: number): Array<readonly [K, number]> {
  const total = weights.reduce((sum, [, w]) => sum + w, 0)
  const low = weights.filter(([, w]) => (w / total) * 100 < floor)
  const highTotal = total - low.reduce((sum, [, w]) => sum + w, 0)
  return weights.map(([key, w]) => [key, (w / total) * 100 < floor ? floor : (w / highTotal) * (100 - low.length * floor)] as const)
}

/** The share of each E among `types` (posts without one are left out), in whole percents. */
export function actualMix(types: ReadonlyArray<ContentType | null>): Partial<Record<ContentType, number>> {
  const counts = new Map<ContentType, number>()
  for (const type of types) if (type !== null) counts.set(type, (counts.get(type) ?? 0) + 1)
  return wholePercents(contentTypes.filter((type) => counts.has(type)).map((type) => [type, counts.get(type)!] as const))
}

/**
 * A mix for the company: the Es its main goal areas lean on (the first area weighs most), as many
 * as it can keep up: 1 under 2 hours a week, 2 for a small team (1–2 people or under 5 hours), 4
 * from 5 people and 10 hours, 3 otherwise. Shares follow the weights, with at least 10 points each.
 */
export function suggestMix(profile: CompanyProfile): { mix: Partial<Record<ContentType, number>>; reasons: Message[] } {
  const people = Math.max(1, Math.round(Number.isFinite(profile.teamSize) ? profile.teamSize : 1))
  const hours = Number.isFinite(profile.hoursPerWeek) ? Math.max(0, profile.hoursPerWeek) : 0
  const small = people <= smallTeam.maxPeople || hours < smallTeam.minHours
  const howMany = hours < smallTeam.oneTypeBelowHours ? 1 : small ? 2 : people >= smallTeam.allFourFromPeople && hours >= smallTeam.allFourFromHours ? 4 : 3
  const areas = [...new Set(profile.areas)].filter((area) => area in areaContentTypes)
  // A small team looks at its two main areas only; a larger one at all of them.
  const considered = small ? areas.slice(0, 2) : areas

  const score = new Map<ContentType, number>(contentTypes.map((type) => [type, 0]))
  considered.forEach((area, i) => {
    const weight = Math.max(1, 3 - i)
    const [first, second] = areaContentTypes[area]
    score.set(first, score.get(first)! + weight)
    score.set(second, score.get(second)! + weight / 2)
  })
  // Es no goal asks for still fill a larger team's mix, lightly, in the default order.
  defaultOrder.forEach((type, i) => score.set(type, score.get(type)! + (considered.length === 0 ? 4 - i : 0.01 * (4 - i))))
  const chosen = [...score].sort((a, b) => b[1] - a[1] || contentTypes.indexOf(a[0]) - contentTypes.indexOf(b[0])).slice(0, howMany)
  const mix = wholePercents(withFloor(chosen, minShare))

  const sizeKey = howMany === 1 ? 'one_type' : small ? 'two_types' : 'spread'
  const reasons: Message[] = [message(`coach.mix.${sizeKey}`, { count: people, hours })]
  if (considered.length === 0) reasons.push(message('coach.mix.no_areas'))
  for (const area of considered) {
    if (areaContentTypes[area].some((type) => (mix[type] ?? 0) > 0)) reasons.push(message(`coach.mix.area.${area}`))
  }
  return { mix, reasons }
}
