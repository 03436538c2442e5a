/**
 * Interrogative words of the five languages and where they make a question. Words are compared in
 * the form `foldWord` gives (question-text.ts), so the lists are folded once here.
 *
 * Each language says three things about a sentence that has no question mark and does not end
 * with a full stop or an exclamation mark:
 * - `opens`: a clause starting (after greetings and fillers) with a question form;
 * - `closes`: a sentence ending with a question word, as spoken French, Arabic and Hebrew allow
 *   ("vous ouvrez quand", "السعر كم", "זה עולה כמה");
 * - `anywhere`: a word that asks wherever it stands (Bengali keeps question words in place and
 *   marks yes/no questions with the particle কি; French `est-ce que`).
 * Exclamatives that start like questions ("What a day", ما أجمل, "Quelle belle journée", কী সুন্দর)
 * are told apart by the word after.
 */
import { foldWord, withoutAccents } from './question-text.js'

export interface QuestionWords {
  /** Leading words skipped before a clause's first word is judged (greetings, "and", "please"); two-word entries allowed. */
  fillers: Set<string>
  opens: (words: string[]) => boolean
  closes: (words: string[]) => boolean
  anywhere: (words: string[]) => boolean
}

const set = (text: string) => new Set(text.split(/\s+/u).filter(Boolean).map((w) => foldWord(w.replace(/_/gu, ' '))))
const never = () => false

// English ------------------------------------------------------------------------------------
const enAux = set(`is are was were am do does did can could will would should shall might must have has
  isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't wouldn't shouldn't haven't hasn't`)
const enPronouns = set('i we you they he she it')
const enSubjects = new Set([...enPronouns, ...set("u ya yall y'all there this that these those anyone anybody someone somebody everyone")])
/** "Is the shop open", "did my order ship"; but "had the best time", "was the best day ever" are not questions. */
const enDeterminers = set('the your my our his her their any')
const enPastAux = set('was were have has')
const enWh = set('how what when where why who whom which whose')
/** "how much", "what about", "why not": a question whatever follows. */
const enWhFollowers = set('much many long often far old soon come about else if not exactly')
const enContraction = /^(?:how|what|when|where|why|who|which)'(?:s|re|d|ll|ve)$/u
/** "Anyone know…", "anybody tried…": asking the room. */
const enAnyoneNext = set('know knows have has tried been else here')
/** The same typed without the apostrophe. */
const enContracted = set('hows whats whens wheres whos')

const english: QuestionWords = {
  fillers: set('hi hello hey hiya yo ok okay so and but also btw oh sorry please excuse_me quick_question'),
  opens: ([w0, w1, w2]) => {
    if (w0 === undefined) return false
    if (enContraction.test(w0) || enContracted.has(w0)) return true
    // "May I", "may we": "may the best cake win" is a wish.
    if (w0 === 'may') return w1 === 'i' || w1 === 'we'
    if (w0 === 'any' && w1 === 'chance') return true
    if (w0 === 'anyone' || w0 === 'anybody') return w1 !== undefined && enAnyoneNext.has(w1)
    if (enAux.has(w0)) return w1 !== undefined && (enSubjects.has(w1) || (enDeterminers.has(w1) && !enPastAux.has(w0)))
    if (!enWh.has(w0)) return false
    if (w1 === undefined) return true
    if (w0 === 'what' && (w1 === 'a' || w1 === 'an')) return false
    if (enAux.has(w1) || enWhFollowers.has(w1)) return true
    if ((w0 === 'what' || w0 === 'which' || w0 === 'whose' || w0 === 'how') && w2 !== undefined && enAux.has(w2)) return true
    // "Who knew", "who wants one": a question; "who we are", "when you come in": a clause of a statement.
    return (w0 === 'who' || w0 === 'whom') && !enPronouns.has(w1)
  },
  closes: never,
  anywhere: never,
}

// French -------------------------------------------------------------------------------------
const frWh = set('comment pourquoi quand combien qui quoi quel quelle quels quelles lequel laquelle lesquels lesquelles')
/** "Quand nous avons ouvert…", "quand même": a clause of a statement, not "when?". */
const frNotAfterQuand = set('nous on je il elle ils elles meme')
/** "Quelle belle journée", "quel plaisir": exclamations. */
const frExclamative = set('beau bel belle beaux belles bon bonne joie plaisir bonheur chance honneur surprise magnifique superbe merveilleux merveilleuse journee soiree matinee')
/** "Comment below", "comment on this post": English, not French. */
const frNotAfterComment = set('below on here and with your if down the to for this us please')
const frWhereNext = set('est sont se peut puis trouver acheter etes etait en')
const frInversionVerbs = set(`avez etes pouvez voulez savez faites allez acceptez livrez proposez ouvrez fermez vendez prenez
  connaissez devez venez travaillez servez pensez comptez organisez expediez recevez fabriquez utilisez
  avons sommes pouvons devons allons faisons`)
const frInversion = /^([\p{L}]+)-(?:t-)?(je|tu|il|elle|on|nous|vous|ils|elles)$/u
const frFinal = set('quand combien quoi comment pourquoi')
/** Spoken French keeps the question word in place: "c'est combien", "vous ouvrez quand le lundi". */
const frInPlace = set('quand combien quoi comment pourquoi qui')
const frSubjects = set('vous tu on il elle ils elles')
const isInPlace = (word: string | undefined) => word !== undefined && (word === 'où' || frInPlace.has(withoutAccents(word)))
const elided = /^[\p{L}]{1,2}'/u

/** "Avez-vous", "peut-on", "a-t-il", "n'avez-vous", "pourriez-vous": a subject pronoun after its verb. */
function isInversion(word: string): boolean {
  const m = frInversion.exec(withoutAccents(word).replace(elided, ''))
  if (!m) return false
  // With nous/vous the same shape is also an imperative ("contactez-nous", "inscrivez-vous").
  if (m[2] !== 'nous' && m[2] !== 'vous') return true
  return frInversionVerbs.has(m[1]!) || /(?:riez|rions)$/u.test(m[1]!)
}

const french: QuestionWords = {
  fillers: set('bonjour bonsoir salut coucou hello et mais alors donc sinon svp stp pardon excusez-moi dites-moi dis-moi petite_question'),
  opens: (words) => {
    const [w0, w1] = words
    if (w0 === undefined) return false
    if (isInversion(w0)) return true
    // "Y a-t-il", "en avez-vous", "que pensez-vous".
    if (w1 !== undefined && (w0 === 'y' || w0 === 'en' || w0 === 'que' || w0 === 'ne') && isInversion(w1)) return true
    if (w0 === "c'est" && isInPlace(w1)) return true
    if (frSubjects.has(w0) && isInPlace(words[2])) return true
    if (w0 === 'où') return w1 !== 'que'
    // Unaccented "ou" is "or" unless a verb of place follows ("ou est la boutique").
    if (w0 === 'ou') return w1 !== undefined && frWhereNext.has(withoutAccents(w1))
    const bare = withoutAccents(w0)
    if (!frWh.has(bare)) return false
    if (w1 === undefined) return true
    const next = withoutAccents(w1)
    if (bare === 'comment') return !frNotAfterComment.has(next)
    if (bare === 'quand') return !frNotAfterQuand.has(next) && !next.startsWith("j'")
    if (bare === 'qui') return next !== 'que'
    if (bare.startsWith('quel')) return !frExclamative.has(next)
    return true
  },
  closes: (words) => {
    const last = words.at(-1)
    return last !== undefined && (last === 'où' || frFinal.has(withoutAccents(last)))
  },
  // "Est-ce que", "qu'est-ce", "n'est-ce pas".
  anywhere: (words) => words.some((w) => /(?:^|')est-ce(?:-|$)/u.test(w)),
}

// Arabic -------------------------------------------------------------------------------------
const arAlways = set('هل كيف كيفك كيفكم كيفكن كيفه كيفها متى امتى إمتى أين وين فين لماذا ليش ليه ماذا شو ايش إيش وش شنو ازاي إزاي قديش قداش بكم بكام كام')
/** After ما, a question ("ما السعر", "ما هو"); otherwise ما negates ("ما عندنا") or exclaims ("ما أجمل"). */
const arMaNext = set('هو هي هم هذا هذه هذي ذا رأيك رأيكم اسم اسمك سعر نوع معنى الذي اللي')
/** After من, "who" ("من هو", "من يعرف"); otherwise من is "from" ("من اليوم"). */
const arManNext = set('هو هي هم أنت انت أنتم انتي أين وين فين اللي الذي')
const arManNotVerb = set('يوم يومين يناير يونيو يوليو')
/** After كم, an exclamation ("كم أنا سعيد"). */
const arKamExclamative = set('أنا انا هو هي نحن احنا كان كانت كنا')
/** After أي, "any" ("أي خدمة", "أي وقت") or, in the Levant, "yes" ("اي والله"). */
const arAyyNot = set('شي شيء خدمة سؤال استفسار وقت حد أحد مساعدة والله نعم أكيد')
const arFinal = set('كم وين فين متى امتى ليش ليه ايش شو أين بكم بكام كام ازاي ايه شنو كيف')
const conjunction = /^[وف]/u

function arabicAsks(w0: string, w1: string | undefined): boolean {
  if (arAlways.has(w0)) return true
  if (w0 === 'ما') return w1 !== undefined && (w1.startsWith('ال') || arMaNext.has(w1))
  if (w0 === 'من') return w1 !== undefined && (arManNext.has(w1) || (w1.startsWith('ي') && w1.length >= 3 && !arManNotVerb.has(w1)))
  if (w0 === 'كم') return w1 === undefined || !arKamExclamative.has(w1)
  if (w0 === 'اي') return w1 !== undefined && !arAyyNot.has(w1)
  return false
}

const arabic: QuestionWords = {
  fillers: set('مرحبا مرحبتين أهلا أهلين هلا السلام عليكم صباح مساء الخير النور لو سمحت سمحتي سمحتم يا أخي أختي طيب بس لكن عفوا شكرا من_فضلك من_فضلكم'),
  // "وهل", "فكيف", "وما الفرق": an attached "and"/"so" before the question word.
  opens: ([w0, w1]) => {
    if (w0 === undefined) return false
    if (arabicAsks(w0, w1)) return true
    return conjunction.test(w0) && w0.length > 2 && arabicAsks(w0.slice(1), w1)
  },
  closes: (words) => arFinal.has(words.at(-1) ?? ''),
  anywhere: never,
}

// Hebrew -------------------------------------------------------------------------------------
const heWh = set('מה איך מתי איפה למה מדוע מי האם כמה איזה איזו אילו אפשר היכן לאן מאיפה כיצד ממתי')
/** Words starting with ש that do not make a relative clause after a question word ("מה שלומך", "מה שעות הפתיחה"). */
const heNotRelative = set('שלום שלומך שלומכם שלומכן שעות שעה שעת שם שמך שמכם')
const heExclamative = set('יפה נפלא נהדר מקסים מדהים כיף')
/** "כמה מילים על…": a few words, not how many. */
const heFew = set('מילים דברים טיפים')
const heFinal = set('מתי איפה כמה למה איך')

function hebrewAsks(w0: string, w1: string | undefined): boolean {
  if (!heWh.has(w0)) return false
  if (w1 === undefined) return true
  // "מי שמגיע ראשון", "איפה שנוח לכם": whoever, wherever.
  if (w1.startsWith('ש') && !heNotRelative.has(w1)) return false
  if ((w0 === 'מה' || w0 === 'כמה') && heExclamative.has(w1)) return false
  return !(w0 === 'כמה' && heFew.has(w1))
}

const hebrew: QuestionWords = {
  fillers: set('היי הי שלום אהלן בוקר ערב טוב סליחה רגע אז תגידו תגיד תגידי בבקשה'),
  opens: ([w0, w1]) => {
    if (w0 === undefined) return false
    return hebrewAsks(w0, w1) || (w0.startsWith('ו') && w0.length > 2 && hebrewAsks(w0.slice(1), w1))
  },
  closes: (words) => heFinal.has(words.at(-1) ?? ''),
  anywhere: never,
}

// Bengali ------------------------------------------------------------------------------------
const bnParticle = set('কি কী')
const bnWh = set('কেন কখন কবে কোথায় কোথা কিভাবে কীভাবে কেমনে কেমন কত কতো কতক্ষণ কোন কোনটা কোনটি কার কাকে কাদের')
const bnExclamative = set('সুন্দর দারুণ চমৎকার অসাধারণ মজা ভালো সুস্বাদু')
const bnNoProblem = set('সমস্যা অসুবিধা')
const bnNo = foldWord('না')
const bnWho = foldWord('কে')
const bnPluralPossessive = foldWord('দের')
const bnHowMuch = set('কত কতো')
const bnWhich = foldWord('কোন')

function bengaliAsks(words: string[]): boolean {
  return words.some((w, i) => {
    const next = words[i + 1]
    // "আসবে কি না" is "whether"; "কী সুন্দর" at the start is an exclamation.
    if (bnParticle.has(w)) return next !== bnNo && !(i === 0 && next !== undefined && bnExclamative.has(next))
    if (bnWh.has(w)) {
      if (bnHowMuch.has(w) && next !== undefined && bnExclamative.has(next)) return false
      return !(w === bnWhich && next !== undefined && bnNoProblem.has(next))
    }
    // কে is "who"; after a plural possessive it is the object ending typed apart ("আমাদের কে জানান").
    return w === bnWho && !(words[i - 1]?.endsWith(bnPluralPossessive) ?? false)
  })
}

const bengali: QuestionWords = { fillers: new Set(), opens: never, closes: never, anywhere: bengaliAsks }

export const questionWords = { en: english, fr: french, ar: arabic, he: hebrew, bn: bengali } as const
