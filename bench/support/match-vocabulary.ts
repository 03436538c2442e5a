/**
 * Words for the matcher benchmark's generated posts and queries, in the five product languages:
 * everyday words (most frequent first, drawn with a Zipf-like law), words of small businesses'
 * trades, places, and syllables from which brand names are made up.
 */

export type BenchLanguage = 'en' | 'fr' | 'ar' | 'he' | 'bn'

export interface LanguageWords {
  /** Everyday words, most frequent first. */
  common: string[]
  /** Trade and product words (what a café, bakery, bike shop… talks about). */
  trade: string[]
  /** Kinds of business, used to make brand names ("X Bakery"). */
  business: string[]
  places: string[]
  /** Syllables brand names are made of. */
  syllables: string[]
  /** Sentence punctuation. */
  punctuation: string[]
  /** Attached prefixes a word may take in this language's text. */
  prefixes: string[]
  /** Letters (or letter + vowel sign pairs) the long tail of made-up words is spelled with. */
  letters: { consonants: string[]; vowels: string[] }
}

const split = (s: string) => s.split(/\s+/).filter(Boolean)

export const vocabulary: Record<BenchLanguage, LanguageWords> = {
  en: {
    common: split(`the and to a of I it is in you that for this was with my on just so we have be at are
      but not they all like your me what from our one about out can today get good very great really new time
      when more love best now here there got day first back if some place people little make going come amazing
      week know recommend try friendly again staff tried went nice always thank everyone favourite morning
      thanks open still last would could never every visit service price lovely worth tasty happy busy`),
    trade: split(`coffee espresso latte cappuccino croissant bread sourdough bagel cake pastry muffin scone tea
      bike bicycle repair tyre helmet saddle gears cycling ride shop store bakery cafe brunch breakfast lunch
      menu flowers bouquet haircut salon books bookshop pizza burger vegan gluten delivery order discount sale`),
    business: split(`Bakery Coffee Cafe Bikes Cycles Books Flowers Kitchen Roasters Deli Studio Salon Market`),
    places: split(`London Leeds Bristol Manchester Brooklyn Boston Toronto Dublin Austin Portland downtown`),
    syllables: split(`jo ma ri ko bel lu ster ton vin zo al ben cor dan el fin gar hol iv kel lam mor nor pel quin rud sam tor`),
    punctuation: [',', '.', '!', '?', ' -', ':)', '…'],
    prefixes: [],
    letters: { consonants: split('b c d f g h j k l m n p r s t v w y z ch sh th'), vowels: split('a e i o u ea oo ai') },
  },
  fr: {
    common: split(`le la les de des du un une et est en que qui pour pas dans sur au avec ce il je on nous vous
      très bien plus mais tout fait être avoir comme aussi encore toujours vraiment super génial merci
      aujourd'hui hier matin soir semaine journée équipe accueil sympa délicieux prix qualité service
      conseille recommande adore meilleur nouvelle nouveau petit grand belle beau première fois
      l'équipe l'accueil c'est j'ai n'est qu'il d'un d'une`),
    trade: split(`café boulangerie croissant pain baguette brioche pâtisserie gâteau éclair tarte chocolat thé
      vélo vélos réparation pneu casque selle cyclisme boutique magasin librairie livres fleurs fleuriste
      coiffeur salon pizza burger livraison commande promotion soldes brunch déjeuner`),
    business: split(`Boulangerie Café Maison Atelier Vélos Librairie Fleurs Pâtisserie Épicerie Cave Bistrot`),
    places: split(`Paris Lyon Marseille Bordeaux Lille Nantes Toulouse Montréal Bruxelles Genève quartier`),
    syllables: split(`la mai son bel rou che vin ma lou tte gé ra mo no pi ré ti ve du ca mé lu fo`),
    punctuation: [',', '.', ' !', ' ?', ' …', ' :)'],
    prefixes: [],
    letters: { consonants: split('b c d f g j l m n p r s t v ch qu'), vowels: split('a e i o u é è ou ai eau on an') },
  },
  ar: {
    common: split(`في من على إلى أن عن مع هذا هذه كان لا ما هو هي أو ثم قد كل بعد أنا نحن جدا اليوم
      الله جميل رائع شكرا أفضل مكان وقت يوم صباح مساء أسبوع أحب جديد كبير صغير الخدمة السعر ممتاز
      حقا دائما أيضا لكن عندي كانت الناس المكان الفريق تجربة أنصح مرة أول زيارة لذيذ طيب`),
    trade: split(`قهوة مقهى إسبريسو لاتيه كرواسون خبز مخبز كعكة حلويات شاي دراجة دراجات تصليح إطار خوذة
      متجر محل مكتبة كتب زهور ورد صالون حلاق بيتزا برجر توصيل طلب خصم تخفيضات فطور غداء`),
    business: split(`مخبز مقهى محمصة حلويات دراجات مكتبة زهور مطبخ صالون متجر`),
    places: split(`الرياض جدة دبي القاهرة عمان بيروت الدوحة الكويت تونس الرباط`),
    syllables: split(`سا مي نو ري كا لي بر تو زي ها دا رو جو فا نا سي مو لو`),
    punctuation: ['،', '.', '!', '؟', '؛', ' :)'],
    prefixes: ['و', 'ال', 'وال', 'ب', 'بال', 'ل', 'لل', 'ف'],
    letters: { consonants: split('ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه'), vowels: split('ا و ي') },
  },
  he: {
    common: split(`של את על זה לא עם הוא היא גם כי אני מה יש אבל אם או רק כל הם היום מאוד ממש טוב
      יפה תודה הכי מקום זמן יום בוקר ערב שבוע אוהב אוהבת חדש גדול קטן שירות מחיר מעולה תמיד עוד
      היה הייתה אנשים צוות חוויה ממליץ ממליצה פעם ראשונה ביקור טעים נחמד`),
    trade: split(`קפה אספרסו לאטה קרואסון לחם מאפייה עוגה מאפים תה אופניים תיקון צמיג קסדה חנות ספרים
      פרחים זר מספרה פיצה המבורגר משלוח הזמנה הנחה מבצע בראנץ׳ ארוחת`),
    business: split(`מאפיית קפה אופני ספרי פרחי מטבח סלון חנות`),
    places: split(`תל־אביב ירושלים חיפה באר־שבע נתניה הרצליה רמת־גן אילת`),
    syllables: split(`דו מי רו לי בן טל גי נה שי קו אור דן רון עד זי פז`),
    punctuation: [',', '.', '!', '?', ' :)', '״'],
    prefixes: ['ה', 'ו', 'ב', 'ל', 'מ', 'ש', 'וה', 'שה', 'וב', 'מה'],
    letters: { consonants: split('ב ג ד ז ח ט כ ל מ נ ס ע פ צ ק ר ש ת'), vowels: split('ו י א ה') },
  },
  bn: {
    common: split(`এবং ও আমি আমার এই যে না কি করে হয় থেকে জন্য সাথে একটি তার আর খুব এটা আজ ভালো সুন্দর
      ধন্যবাদ সেরা জায়গা সময় দিন সকাল সন্ধ্যা সপ্তাহ ভালোবাসি নতুন বড় ছোট সেবা দাম চমৎকার সবসময়
      আবার মানুষ দল অভিজ্ঞতা সুপারিশ প্রথম বার সুস্বাদু দারুণ অনেক`),
    trade: split(`কফি চা রুটি বেকারি কেক পেস্ট্রি বিস্কুট মিষ্টি সাইকেল মেরামত টায়ার হেলমেট দোকান বই
      বইয়ের ফুল তোড়া সেলুন পিৎজা বার্গার ডেলিভারি অর্ডার ছাড় অফার নাস্তা দুপুরের`),
    business: split(`বেকারি কফি সাইকেল বইঘর ফুলঘর রান্নাঘর সেলুন দোকান মিষ্টান্ন`),
    places: split(`ঢাকা চট্টগ্রাম সিলেট খুলনা রাজশাহী কলকাতা গুলশান ধানমন্ডি`),
    syllables: split(`রা মি কো লা সু বি নু তা পা দে জয় রূপ শা হা মো`),
    punctuation: [',', '।', '!', '?', ' :)'],
    prefixes: [],
    letters: { consonants: split('ক খ গ ঘ চ ছ জ ট ড ত থ দ ধ ন প ফ ব ভ ম র ল শ স হ'), vowels: split('া ি ী ু ূ ে ো ') },
  },
}

export const benchLanguages: BenchLanguage[] = ['en', 'fr', 'ar', 'he', 'bn']
/** Share of posts in each language. */
export const languageWeights: Record<BenchLanguage, number> = { en: 0.32, fr: 0.2, ar: 0.2, he: 0.14, bn: 0.14 }
export const domainEndings: Record<BenchLanguage, string[]> = {
  en: ['.com', '.co.uk', '.shop'],
  fr: ['.fr', '.com', '.be'],
  ar: ['.sa', '.ae', '.com'],
  he: ['.co.il', '.com'],
  bn: ['.com.bd', '.com'],
}
