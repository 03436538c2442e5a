/**
 * Per-language rules the lexicon scorer applies around the word list: which words negate (and in
 * which direction they reach), which words turn a sentence ("but": what follows counts more),
 * how a word is split (French elision) and which affixes may be stripped to find its stem.
 * These are small grammatical lists of ours, not sentiment data.
 */
import { foldWord } from './text.js'
import type { SentimentLanguage } from './types.js'

/** How one language's grammar steers the scorer. */
export interface LanguageRules {
  /** Words that negate the next few words ("not good", "pas bon", "ليس جيدا", "לא טוב"). */
  negators: ReadonlySet<string>
  /** Words that negate the few words before them (Bengali "ভালো না"). */
  postNegators: ReadonlySet<string>
  /** A word-shape that is itself a negated verb and reaches back (Bengali "হইনি"). */
  postNegatedVerb?: RegExp
  /** Two-word openings that look like negation but are not (Arabic "ما زال", "still"). */
  notNegation?: ReadonlySet<string>
  /** Words after which the rest of the sentence carries more weight. */
  contrast: ReadonlySet<string>
  /**
   * Function words, weekdays and intensifiers that never carry sentiment themselves; the
   * machine-translated word lists give some of them values ("لا", "על", "plus", "ভীষণ").
   */
  ignore: ReadonlySet<string>
  /** Splits a token into words (French "l'équipe" → "l'", "équipe"). */
  split?: (word: string) => string[]
  /** Candidate stems to try, in order, when the word itself is not in the lexicon. */
  stems: (word: string) => string[]
}

/** A word set, folded the way text is, so lists can be written as people spell. */
const set = (lang: SentimentLanguage, words: string): ReadonlySet<string> =>
  new Set(words.split(/\s+/).filter(Boolean).map((w) => foldWord(w, lang)))

/** Comma-separated two-word sequences, folded. */
const pairs = (lang: SentimentLanguage, list: string): ReadonlySet<string> =>
  new Set(list.split(',').map((p) => p.trim().split(/\s+/).map((w) => foldWord(w, lang)).join(' ')))

/** Strips each matching prefix and suffix once, in every combination, longest first. */
function affixStems(word: string, prefixes: readonly string[], suffixes: readonly string[], minStem: number): string[] {
  const out: string[] = []
  const pre = ['', ...prefixes.filter((p) => word.startsWith(p))]
  for (const p of pre) {
    const rest = word.slice(p.length)
    for (const s of ['', ...suffixes.filter((x) => rest.endsWith(x))]) {
      const stem = rest.slice(0, rest.length - s.length)
      if ((p || s) && stem.length >= minStem && !out.includes(stem)) out.push(stem)
    }
  }
  return out
}

// A Hebrew stem cut from an inflected word ends in a non-final letter (ממליצה → ממליצ): try the
// final form too (ממליץ).
const FINAL: Record<string, string> = { כ: 'ך', מ: 'ם', נ: 'ן', פ: 'ף', צ: 'ץ' }
function withFinalLetter(stem: string): string[] {
  const last = FINAL[stem.slice(-1)]
  return last ? [stem.slice(0, -1) + last, stem] : [stem]
}

const EN_SUFFIXES = ["'s", 'ies', 'es', 's', 'ed', 'd', 'ing', 'ly']
const FR_SUFFIXES = ['ees', 'ee', 'es', 'e', 's', 'x']
// Arabic clitics: conjunctions and prepositions before the article, pronoun endings after.
const AR_PREFIXES = ['وبال', 'وال', 'بال', 'فال', 'كال', 'ولل', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك']
const AR_SUFFIXES = ['هما', 'كما', 'تها', 'ها', 'هم', 'هن', 'كم', 'كن', 'نا', 'ني', 'ات', 'ين', 'ون', 'ه', 'ي', 'ك', 'ا']
// Hebrew one-letter prefixes (and, the, that, in, to, from, as) and their common pairs.
const HE_PREFIXES = ['וכש', 'וש', 'וה', 'וב', 'ול', 'ומ', 'שה', 'שב', 'של', 'כש', 'מה', 'לכ', 'ו', 'ה', 'ש', 'ב', 'ל', 'מ', 'כ']
const HE_SUFFIXES = ['ים', 'ות', 'ה', 'ת', 'י', 'ו', 'ך', 'נו', 'כם', 'הם']
// Bengali case endings, classifiers and emphatic particles (after NFKC, য় is য + ◌়).
const BN_SUFFIXES = ['গুলোর', 'গুলো', 'গুলি', 'টার', 'টির', 'টা', 'টি', 'খানা', 'দের', 'েরা', 'রা', 'ের', 'র', 'কে', 'তে', 'ে', 'ো', 'ও', 'ই', 'ভাবে']

export const languageRules: Record<SentimentLanguage, LanguageRules> = {
  en: {
    negators: set('en', "not no never nor neither without cannot can't don't doesn't didn't isn't aren't wasn't weren't won't wouldn't shouldn't couldn't haven't hasn't hadn't ain't nothing nobody none hardly barely"),
    postNegators: set('en', ''),
    contrast: set('en', 'but however though although yet'),
    ignore: set('en', 'a an the i me my we our you your he she it its they them their this that these those is are was were be been am do does did have has had to of in on at for with from by as so very really too just also'),
    stems: (w) => affixStems(w, [], EN_SUFFIXES, 3),
  },
  fr: {
    negators: set('fr', "ne n' pas jamais rien aucun aucune sans ni personne guere"),
    postNegators: set('fr', ''),
    contrast: set('fr', 'mais pourtant cependant toutefois neanmoins'),
    ignore: set('fr', "a à au aux le la les l' un une des du de d' et ou en y ce c' cet cette ces je j' tu il elle on nous vous ils elles me m' te t' se s' mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs qui que qu' quoi dont où est sont était été être ai as avons avez ont avait plus moins très trop tres si aussi encore déjà lundi mardi mercredi jeudi vendredi samedi dimanche"),
    split: (w) => {
      const m = /^(l|d|j|m|t|s|n|c|qu|jusqu|lorsqu|puisqu)'(.+)$/.exec(w)
      return m ? [`${m[1]}'`, m[2]!] : [w]
    },
    stems: (w) => affixStems(w, [], FR_SUFFIXES, 3),
  },
  ar: {
    negators: set('ar', 'لا ليس ليست لست لسنا ليسوا لم لن ما مش مو مب مافي ماكو غير بدون بلا ولا وما ولم ولن وليس ومش ومو'),
    postNegators: set('ar', ''),
    notNegation: pairs('ar', 'ما زال, ما زالت, ما يزال, ما تزال, ما شاء, ما اجمل, ما احلى, ما اروع, لا بد, لا شك, ولا اروع, ولا احلى'),
    contrast: set('ar', 'لكن ولكن لكنه لكنها بس انما'),
    ignore: set('ar', 'في من على علي الي الى عن مع هذا هذه هذي ذلك تلك هو هي هم هن انا نحن انت انتي انتم كان كانت كانوا يكون تكون صار صارت صاروا لي لك له لها لنا لهم لكم اللي الذي التي الذين ماذا متي اين وين كيف ليش لماذا هل قد لقد ثم او و يا كل بعض عند عندي عندنا عندهم جدا كثير كتير مره شيء اي احد واحد يوم اليوم الساعه بعد قبل حتي اذا لو كمان ايضا فقط السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه'),
    // The alef of tanween ("فظاً" → "فظا") hides short adjectives from the three-letter minimum.
    stems: (w) => [...(w.length >= 3 && w.endsWith('ا') ? [w.slice(0, -1)] : []), ...affixStems(w, AR_PREFIXES, AR_SUFFIXES, 3)],
  },
  he: {
    negators: set('he', 'לא אין אינו אינה אינם אינן איננו בלי ללא אף שום ולא שלא ואין שאין כשאין'),
    postNegators: set('he', ''),
    contrast: set('he', 'אבל אך אולם ואילו'),
    ignore: set('he', 'של על את עם זה זו זאת הוא היא הם הן אני אנחנו אתה את אתם יש היה הייתה היו יהיה גם רק כבר עוד יותר פחות מאוד ממש כל כמה מה מי איך למה מתי איפה אם או כי אז לי לך לו לה לנו להם אצל בין אחרי לפני עד כמו שם פה כאן עכשיו היום אחד אחת ראשון שני שלישי רביעי חמישי שישי שבת'),
    stems: (w) => affixStems(w, HE_PREFIXES, HE_SUFFIXES, 3).flatMap((stem) => withFinalLetter(stem)),
  },
  bn: {
    // Bengali negates after the verb or adjective; না before a verb ("না জানিয়ে") negates what follows.
    negators: set('bn', 'না বিনা'),
    postNegators: set('bn', 'না নয় নেই নাই নি নহে নে নেইকো'),
    postNegatedVerb: /(?:েনি|য়নি|ইনি|ননি|িনি|ওনি)$/u,
    contrast: set('bn', 'কিন্তু অথচ তবে তবু তবুও'),
    // ভীষণ ("terrible") is mostly an intensifier in speech: ভীষণ খুশি, "very happy".
    ignore: set('bn', 'আমি আমার আমরা আমাদের তুমি তোমার আপনি আপনার আপনারা সে তার তারা ওরা ওদের এই ওই সেই যে কি কী কেন কখন কোথায় কোন কোনো এবং ও আর বা থেকে দিয়ে জন্য মধ্যে সাথে সঙ্গে পর আগে এখন আজ কাল হয় হবে ছিল আছে করে করা একটা একটি সব সবাই খুব আরো আরও অনেক ভীষণ বেশ একদম রবিবার সোমবার মঙ্গলবার বুধবার বৃহস্পতিবার শুক্রবার শনিবার'),
    stems: (w) => affixStems(w, [], BN_SUFFIXES.map((s) => s), 2),
  },
}
