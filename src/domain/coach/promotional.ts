/**
 * Telling a sales post from the others, in our five languages: keyword lists (sale, discount, buy
 * now… soldes, promo… خصم، عرض… מבצע, הנחה… ছাড়, অফার…), discount patterns (`-20%`, `20% off`) and
 * prices (a number next to a currency). Only used for a gentle hint, so a few false positives
 * ("عرض" also means "display") cost little; common words are left out on purpose ("offer",
 * "deal", "profitez", "ছাড়া" = "without").
 */
import { foldText, wordsOf } from './text.js'

/** Whole words (after folding) that mark a sales post. */
const words: Record<'en' | 'fr' | 'ar' | 'he' | 'bn', string[]> = {
  en: ['sale', 'discount', 'discounts', 'discounted', 'promo', 'promos', 'coupon', 'coupons', 'clearance', 'bogo', 'bargain', 'bargains'],
  fr: ['soldes', 'promo', 'promos', 'promotion', 'promotions', 'réduction', 'réductions', 'remise', 'remises', 'déstockage', 'achetez', 'commandez'],
  ar: ['خصم', 'خصومات', 'تخفيض', 'تخفيضات', 'تنزيلات', 'أوكازيون', 'عرض', 'عروض', 'اشترِ', 'اشتري', 'اشتروا', 'اطلب', 'اطلبي', 'اطلبوا', 'تسوّق', 'تسوقوا', 'كوبون'],
  he: ['מבצע', 'מבצעים', 'הנחה', 'הנחות', 'קנו', 'קני', 'הזמינו', 'סייל', 'קופון', 'קופונים'],
  bn: ['ছাড়', 'ছাড়ে', 'মূল্যছাড়', 'অফার', 'অফারে', 'অফারটি', 'অফারের', 'কিনুন', 'সেল', 'সেলে', 'ডিসকাউন্ট', 'ডিসকাউন্টে', 'কুপন'],
}

/** Word sequences (after folding) that mark a sales post. */
const phrases: string[] = [
  'buy now', 'shop now', 'order now', 'book now', 'special offer', 'limited offer', 'limited time', 'half price',
  'free shipping', 'free delivery', 'promo code', 'while stocks last', 'get yours', 'buy one get one',
  'offre spéciale', 'offre limitée', 'prix cassés', 'bon plan', 'code promo', 'livraison gratuite', 'petits prix', 'prix barré',
  'لفترة محدودة', 'توصيل مجاني', 'كود خصم', 'سعر خاص',
  'מחיר מיוחד', 'משלוח חינם', 'לזמן מוגבל',
  'কিনে নিন', 'অর্ডার করুন', 'ফ্রি ডেলিভারি', 'সীমিত সময়', 'সীমিত সময়ের', 'বিশেষ ছাড়',
]

const foldedWords = new Set(Object.values(words).flat().map(foldText))
const foldedPhrases = phrases.map((p) => ` ${wordsOf(foldText(p)).join(' ')} `)

/**
 * Arabic and Hebrew write some little words joined to the next one: Arabic و ف (and), ب ل ك (in,
 * for, like) and the article ال; Hebrew ו ה ב ל מ ש כ, up to three in a row. A keyword with such a
 * prefix (والخصم، بتخفيضات، בהנחה، המבצע) is still the keyword.
 */
const arabicPrefix = /^[وف]?(?:[بكل]?ال|لل|[بكل])?$/u
const hebrewPrefix = /^[ושהבלמכ]{1,3}$/u

function isKeyword(word: string): boolean {
  if (foldedWords.has(word)) return true
  // Every split, not a greedy one: in המבצע the prefix is ה, though מ and ב could be prefixes too.
  for (let cut = 1; cut <= 4 && cut < word.length; cut++) {
    const prefix = word.slice(0, cut)
    if ((arabicPrefix.test(prefix) || hebrewPrefix.test(prefix)) && foldedWords.has(word.slice(cut))) return true
  }
  return false
}

const currencySymbols = '€$£₪৳¥₹'
/** Latin abbreviations need a word end ("6 mad", not "6 madeleines")… */
const latinCurrencies = ['eur', 'euro', 'euros', 'usd', 'dollar', 'dollars', 'gbp', 'dh', 'dhs', 'mad', 'dzd', 'tnd', 'sar', 'aed', 'egp', 'jod', 'ils', 'nis', 'tk', 'bdt'].join('|')
/** …names in other scripts may carry an ending (টাকায় "for taka", درهما). */
const otherCurrencies = ['টাকা', 'جنيه', 'ريال', 'درهم', 'دينار', 'ليره', 'شيكل', 'ש"ח', 'ש״ח', 'שקל', 'שקלים'].join('|')
/** A price: a currency sign next to a number, or a number followed by a currency name. */
const pricePattern = new RegExp(
  `[${currencySymbols}]\\s?\\d|\\d\\s?[${currencySymbols}]|\\d(?:[.,]\\d+)?\\s?(?:(?:${latinCurrencies})(?![\\p{L}\\p{M}])|${otherCurrencies})`,
  'u',
)
/** A discount: `-20%`, `20% off`, `2 for 1`, `1+1`. */
const discountPattern = /(?:^|[\s(])-\s?\d{1,2}\s?%|\d{1,2}\s?%\s?off\b|\b1\s?\+\s?1\b|\b2\s?for\s?1\b/u

/** True when `text` reads like a sales post (sale words, discounts or prices), in any of our five languages. */
export function isPromotional(text: string): boolean {
  const folded = foldText(text)
  if (pricePattern.test(folded) || discountPattern.test(folded)) return true
  const tokens = wordsOf(folded)
  if (tokens.some(isKeyword)) return true
  const joined = ` ${tokens.join(' ')} `
  return foldedPhrases.some((phrase) => joined.includes(phrase))
}
