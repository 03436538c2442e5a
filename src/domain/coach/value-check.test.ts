import { describe, expect, it } from 'vitest'
import { checkValue, isShouting, type ValueContext, type ValueDraft } from './value-check.js'
import type { ContentType, ValueHint } from './types.js'

const none: ValueContext = { recent: [] }
const rulesOf = (hints: ValueHint[]) => hints.map((h) => h.rule)
const check = (text: string, context: ValueContext = none, contentType: ContentType | null = 'educate') => checkValue({ text, contentType }, context)
const fires = (rule: ValueHint['rule'], text: string, context?: ValueContext) => rulesOf(check(text, context)).includes(rule)

describe('checkValue: a good post gets no hint, in every language', () => {
  const good = [
    'Our new oat latte is here: smooth, not too sweet, and made with oats from a farm down the road.',
    'Notre pain au levain sort du four à 7 h chaque matin. Venez le goûter encore tiède !',
    'جربوا قهوتنا الجديدة من إثيوبيا، بنكهة التوت والشوكولاتة، وأخبرونا برأيكم.',
    'הקרואסון החדש שלנו יוצא מהתנור כל בוקר בשבע. ספרו לנו מה אתם אוהבים לשתות איתו.',
    'আমাদের নতুন কফি খেয়ে দেখুন, স্বাদ একদম আলাদা। আপনার মতামত জানাবেন।',
  ]
  it.each(good)('%s', (text) => {
    expect(check(text)).toEqual([])
  })
})

describe('no_content_type', () => {
  it('asks what the post gives when no E is chosen, and only then', () => {
    const text = 'Our new oat latte is here: smooth and not too sweet.'
    expect(checkValue({ text, contentType: null }, none)).toEqual([{ rule: 'no_content_type', message: { key: 'coach.value.no_content_type', params: {} } }])
    expect(checkValue({ text, contentType: 'entertain' }, none)).toEqual([])
  })
})

describe('promotional_streak: a third sales post in a row', () => {
  const cases: Array<[string, string, string, string]> = [
    ['en', 'Weekend sale! 20% off all loaves.', 'Order now for Friday pickup.', 'We tried a new rye recipe this week and loved the result.'],
    ['fr', 'Les soldes continuent : -30 % sur les tartes !', 'Code promo PAIN10 valable ce week-end.', 'Notre boulanger vous explique pourquoi la pâte repose une nuit.'],
    ['ar', 'خصم 20% على جميع الكعك!', 'عروض خاصة على القهوة هذا الأسبوع', 'تعلّموا معنا كيف نحمّص حبوب القهوة كل صباح.'],
    ['he', 'מבצע סוף שבוע על כל העוגות!', 'רק השבוע בהנחה על קפה הבית', 'ככה אנחנו מכינים את הבצק לחלות של שישי.'],
    ['bn', 'এই সপ্তাহে সব কেকে ২০% ছাড়!', 'নতুন অফার: আজই কিনুন!', 'আজ সকালে আমাদের বেকার দেখালেন কীভাবে হাতে রুটি বানানো হয়।'],
  ]
  it.each(cases)('%s', (_lang, promo1, promo2, useful) => {
    const recent = (...texts: string[]) => ({ recent: texts.map((text) => ({ text, contentType: null })) })
    expect(fires('promotional_streak', promo1, recent(promo2, promo1))).toBe(true)
    // A useful post in between breaks the streak; so does a useful draft.
    expect(fires('promotional_streak', promo1, recent(promo2, useful))).toBe(false)
    expect(fires('promotional_streak', useful, recent(promo2, promo1))).toBe(false)
    // Two recent posts are needed to call it a streak.
    expect(fires('promotional_streak', promo1, recent(promo2))).toBe(false)
  })
})

describe('link_only: links and tags with almost no words', () => {
  const cases: Array<[string, string, string]> = [
    ['en', 'New menu! https://cafe.example/menu', 'Our spring menu has three vegan dishes, all tried by our regulars first: https://cafe.example/menu'],
    ['fr', 'Nouveau ! https://boulangerie.example/pain', 'Voici notre recette de pain aux noix, testée pendant un mois : https://boulangerie.example/pain'],
    ['ar', 'جديدنا https://cafe.example/menu', 'شاركنا اليوم وصفة كعكة البرتقال التي يطلبها الجميع https://cafe.example/menu'],
    ['he', 'חדש! https://cafe.example/menu', 'כתבנו איך בוחרים פולי קפה לבית, עם טיפים מהבריסטה שלנו https://cafe.example/menu'],
    ['bn', 'নতুন! https://cafe.example/menu', 'আমাদের নতুন মেনুতে তিনটি নিরামিষ খাবার আছে, দেখে নিন https://cafe.example/menu'],
  ]
  it.each(cases)('%s', (_lang, bare, explained) => {
    expect(fires('link_only', bare)).toBe(true)
    expect(fires('link_only', explained)).toBe(false)
  })

  it('also fires on hashtags alone, but not on a short reply or a post without links', () => {
    expect(fires('link_only', '#coffee #latte')).toBe(true)
    expect(fires('link_only', '@anna thank you!')).toBe(false)
    expect(fires('link_only', 'Thank you!')).toBe(false)
    expect(fires('link_only', '')).toBe(false)
  })
})

describe('all_caps: only for scripts with capitals', () => {
  it.each([
    ['en', 'BIG NEWS: WE ARE OPEN ON SUNDAYS FROM NOW ON!', 'Big news: we are open on Sundays from now on!'],
    ['fr', 'GRANDE NOUVELLE : NOUS OUVRONS LE DIMANCHE !', 'Grande nouvelle : nous ouvrons le dimanche !'],
  ])('%s', (_lang, shouting, normal) => {
    expect(fires('all_caps', shouting)).toBe(true)
    expect(fires('all_caps', normal)).toBe(false)
  })

  it('does not fire on a short shout or on capitals in hashtags and links', () => {
    expect(fires('all_caps', 'OPEN NOW')).toBe(false)
    expect(fires('all_caps', 'Come and try our new cake #BESTCAKEINTOWN #SUNDAYFUNDAY https://CAFE.EXAMPLE/CAKE')).toBe(false)
  })

  it.each([
    ['ar', 'نحتفل اليوم بافتتاح فرعنا الجديد في وسط المدينة، تعالوا وجربوا القهوة!'],
    ['ar', 'نحتفل اليوم بافتتاح فرعنا الجديد في وسط المدينة مع فريق BEST COFFEE'],
    ['he', 'פתחנו סניף חדש ברחוב הרצל, בואו לבקר ולטעום!'],
    ['he', 'פתחנו סניף חדש ברחוב הרצל יחד עם החברים מ־GOOD BREAD'],
    ['bn', 'আমাদের নতুন শাখা আজ খুলছে, সবাই আসবেন!'],
    ['bn', 'আমাদের নতুন শাখা আজ খুলছে, সঙ্গে থাকছে CITY BAKERY'],
  ])('never fires on %s text (its letters have no case): %s', (_lang, text) => {
    expect(fires('all_caps', text)).toBe(false)
  })

  it('counts capitals among cased letters only', () => {
    expect(isShouting('ΜΕΓΑΛΑ ΝΕΑ ΓΙΑ ΤΟ ΚΑΦΕ ΜΑΣ')).toBe(true)
    expect(isShouting('БОЛЬШИЕ НОВОСТИ ДЛЯ НАШЕГО КАФЕ')).toBe(true)
    expect(isShouting('Большие новости для нашего кафе')).toBe(false)
  })
})

describe('hashtag_stuffing and mention_stuffing', () => {
  it.each([
    ['en', 'Morning! #coffee #latte #barista #cafe #morning', 5, 'Our new oat latte is here, smooth and not too sweet. #coffee #oatmilk'],
    ['fr', '#boulangerie #pain #artisan #paris Bonne journée', 4, 'Notre pain au levain sort du four à 7 h chaque matin. #boulangerie #levain'],
    ['ar', '#قهوة #مقهى #صباح_الخير #حلويات صباحكم سعيد', 4, 'جربوا قهوتنا الجديدة من إثيوبيا، بنكهة التوت والشوكولاتة #قهوة'],
    ['he', '#קפה #בוקר_טוב #תל_אביב #מאפייה בוקר טוב', 4, 'הקרואסון החדש שלנו יוצא מהתנור כל בוקר בשבע #מאפייה'],
    ['bn', '#কফি #ঢাকা #ক্যাফে #সকাল শুভ সকাল', 4, 'আমাদের নতুন কফি খেয়ে দেখুন, স্বাদ একদম আলাদা #কফি'],
  ])('hashtags, %s', (_lang, stuffed, count, fair) => {
    const hint = check(stuffed).find((h) => h.rule === 'hashtag_stuffing')
    expect(hint?.message).toEqual({ key: 'coach.value.hashtag_stuffing', params: { count } })
    expect(fires('hashtag_stuffing', fair)).toBe(false)
  })

  it('fires on three hashtags when they are half the post, not in a longer one', () => {
    expect(fires('hashtag_stuffing', 'Sunday #brunch #family #cafe')).toBe(true)
    expect(fires('hashtag_stuffing', 'Sunday brunch is back with pancakes, eggs and fresh juice. #brunch #family #cafe')).toBe(false)
  })

  it.each([
    ['en', 'Thanks @anna @ben.bsky.social @carla@mastodon.social @dev for coming!', 'Thanks @anna for the lovely photo of our window display!'],
    ['fr', 'Merci @julie @marc @sophie @luc pour votre visite !', 'Merci @julie pour cette belle photo de notre vitrine !'],
    ['ar', 'شكرًا @sara @omar @lina @adam على زيارتكم', 'شكرًا @sara على الصورة الجميلة لواجهة المحل'],
    ['he', 'תודה @noa @yossi @dana @avi שבאתם!', 'תודה @noa על התמונה היפה של חלון הראווה שלנו'],
    ['bn', 'ধন্যবাদ @rina @tanvir @nadia @arif আসার জন্য!', 'ধন্যবাদ @rina, আমাদের দোকানের সুন্দর ছবিটির জন্য!'],
  ])('mentions, %s', (_lang, stuffed, fair) => {
    expect(check(stuffed).find((h) => h.rule === 'mention_stuffing')?.message).toEqual({ key: 'coach.value.mention_stuffing', params: { count: 4 } })
    expect(fires('mention_stuffing', fair)).toBe(false)
  })

  it('does not read an e-mail address as a mention', () => {
    expect(fires('mention_stuffing', 'Write to orders@bakery.example, info@bakery.example, hi@bakery.example or me@bakery.example')).toBe(false)
  })
})

describe('off_mix', () => {
  const plan = { educate: 50, engage: 50 }
  const typed = (types: Array<ContentType | null>) => types.map((contentType) => ({ contentType, text: 'A useful post about bread.' }))
  const draft = (contentType: ContentType): ValueDraft => ({ text: 'How we shape a baguette, step by step.', contentType })

  it('notes an E the plan does not have', () => {
    expect(checkValue(draft('entertain'), { recent: [], planMix: plan })).toEqual([
      { rule: 'off_mix', message: { key: 'coach.value.off_mix_not_in_plan', params: { type: 'entertain' } } },
    ])
    expect(checkValue(draft('entertain'), { recent: [], planMix: { ...plan, entertain: 0 } }).map((h) => h.rule)).toEqual(['off_mix'])
  })

  it('notes an E already well above its share (20 points or more)', () => {
    const recent = typed(['educate', 'educate', 'educate', 'educate', 'educate', 'engage'])
    expect(checkValue(draft('educate'), { recent, planMix: plan })).toEqual([
      { rule: 'off_mix', message: { key: 'coach.value.off_mix_above_plan', params: { type: 'educate', percent: 83, plan: 50 } } },
    ])
    // 4 of 6 is 67%: 17 points above the plan, not "well above".
    expect(checkValue(draft('educate'), { recent: typed(['educate', 'educate', 'educate', 'educate', 'engage', 'engage']), planMix: plan })).toEqual([])
    expect(checkValue(draft('engage'), { recent, planMix: plan })).toEqual([])
  })

  it('waits for 5 typed recent posts, and says nothing without a plan mix', () => {
    const recent = typed(['educate', 'educate', 'educate', 'educate', null, null])
    expect(checkValue(draft('educate'), { recent, planMix: plan })).toEqual([])
    expect(checkValue(draft('entertain'), { recent })).toEqual([])
    expect(checkValue(draft('entertain'), { recent, planMix: {} })).toEqual([])
  })
})
