/** Hand-written English additions (see supplement.ts): review words AFINN-165 lacks. */
export const supplementEn: Readonly<Record<string, number>> = {
  // taste and freshness
  tasty: 3,
  yummy: 3,
  scrumptious: 3,
  fresh: 1,
  stale: -2,
  bland: -2,
  tasteless: -2,
  burnt: -2,
  soggy: -2,
  greasy: -2,
  mouldy: -3,
  moldy: -3,
  // service
  welcoming: 2,
  attentive: 2,
  knowledgeable: 2,
  unprofessional: -2,
  dismissive: -2,
  sloppy: -2,
  incompetent: -2,
  // price
  overpriced: -2,
  'rip-off': -3,
  ripoff: -3,
  'rip off': -3,
  reasonable: 1,
  // speed, place
  slow: -1,
  dirty: -2,
  filthy: -3,
  crowded: -1,
  cozy: 2,
  cosy: 2,
  // verdicts and feelings
  mediocre: -2,
  meh: -1,
  'fed up': -2,
  'out of order': -2,
  favourite: 2,
  favorite: 2,
}
