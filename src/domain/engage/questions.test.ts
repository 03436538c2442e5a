import { describe, expect, it } from 'vitest'
import { isQuestion } from './questions.js'

type Row = [text: string, expected: boolean]

const english: Row[] = [
  ['Do you have gluten-free loaves on Saturdays?', true],
  ['hey are you open on bank holiday monday', true],
  ["What time do you close tonight", true],
  ["where's the new shop exactly 🙏", true],
  ['Can I order a birthday cake for 20 people', true],
  ['Is this the same recipe as last year? 😍 https://cafe.example/p/123', true],
  ['@bakery_lyon @sam how much is the large sourdough', true],
  ['Loved it! Which one was your favourite', true],
  ['Who knew rye could taste this good 😄', true],
  ['What a great day at the market!', false],
  ['What a great day at the market', false],
  ["Who doesn't love a Friday croissant!", false],
  ['Full menu here: https://cafe.example/menu?lang=en&day=fri', false],
  ['Had the best coffee of my life at your place this morning', false],
  ['When you come in, ask for Sam.', false],
  ['How we bake our sourdough, step by step', false],
  ["Can't wait to come back 🥐", false],
  ['Any chance you have oat milk today', true],
  ['Comment below with your favourite pastry to win a box!', false],
  ['Do you sell 2.5 kg bags of flour', true],
]

const french: Row[] = [
  ['Avez-vous des croissants sans gluten le dimanche ?', true],
  ['Bonjour, pouvez-vous livrer à Villeurbanne', true],
  ["Est-ce que vous prenez les commandes pour Noël", true],
  ['Vous ouvrez quand le lundi', true],
  ["Y a-t-il une terrasse chez vous", true],
  ['Quel est le prix de la grande tarte', true],
  ['Combien coûte le menu du midi', true],
  ['Où se trouve la nouvelle boutique 🙂', true],
  ["C'est combien la baguette tradition", true],
  ['Pourriez-vous me rappeler demain', true],
  ['Quelle belle journée au marché !', false],
  ['Quelle belle journée', false],
  ['Contactez-nous pour vos commandes de fin d’année', false],
  ['Inscrivez-vous à notre atelier pain du samedi', false],
  ['Quand nous avons ouvert en 2010, il y avait un seul four.', false],
  ['Merci pour cet accueil, à très vite !', false],
  ['Notre carte est ici : https://cafe.example/carte?jour=lundi', false],
  ['Comment ne pas craquer devant ces éclairs !', false],
]

const arabic: Row[] = [
  ['هل عندكم توصيل إلى الرياض؟ 😊', true],
  ['هل أنتم مفتوحون يوم الجمعة', true],
  ['كيف أحجز طاولة لستة أشخاص', true],
  ['مرحبا، متى تفتحون صباح السبت', true],
  ['وهل يوجد خيار بدون سكر', true],
  ['لو سمحت كم سعر كيلو البن', true],
  ['السعر كم', true],
  ['ما الفرق بين القهوة المختصة والعادية', true],
  ['من يعرف مكان الفرع الجديد', true],
  ['وين المحل بالضبط ❤️', true],
  ['أين أجد قائمة الطعام؟https://cafe.example/menu?ar=1', true],
  ['ما أجمل هذا الصباح مع قهوتكم!', false],
  ['ما أجمل هذا الصباح', false],
  ['كم أنا سعيد بزيارتكم اليوم', false],
  ['من اليوم نفتح الساعة السابعة صباحًا.', false],
  ['شكرًا على الضيافة الرائعة 🌹', false],
  ['القائمة الجديدة هنا https://cafe.example/menu?lang=ar', false],
  ['ما عندنا فرع في جدة حاليًا', false],
]

const hebrew: Row[] = [
  ['מתי אתם פותחים מחר', true],
  ['היי, יש לכם משלוחים לרמת גן?', true],
  ['איפה אפשר לחנות ליד הבית קפה', true],
  ['אפשר להזמין עוגת יום הולדת לשישי', true],
  ['כמה עולה ארגז קרואסונים', true],
  ['ומה עם אפשרות טבעונית', true],
  ['האם יש חניה לנכים', true],
  ['סליחה, מה שעות הפתיחה בשבת', true],
  ['המשלוח מגיע מתי', true],
  ['מה שלומך? 😊', true],
  ['מה יפה הבוקר הזה!', false],
  ['מי שמגיע ראשון מקבל קפה חינם', false],
  ['איפה שנוח לכם, אנחנו נגיע.', false],
  ['תודה רבה, היה מדהים 🙏', false],
  ['כמה מילים על הלחם החדש שלנו', false],
  ['התפריט המלא כאן https://cafe.example/menu?lang=he', false],
]

const bengali: Row[] = [
  ['আপনারা কি রবিবারে খোলা থাকেন', true],
  ['আজ দোকান খোলা আছে কি', true],
  ['কেকের দাম কত?', true],
  ['ডেলিভারি কখন পাবো 🙏', true],
  ['আপনাদের নতুন শাখা কোথায়', true],
  ['কীভাবে অর্ডার করবো জানাবেন', true],
  ['এই কেকটা কে বানিয়েছে', true],
  ['কোন কেকটা সবচেয়ে জনপ্রিয়', true],
  ['হাই! আপনারা কি হোম ডেলিভারি করেন', true],
  ['মেনু এখানে: https://cafe.example/menu?lang=bn আর কোন সাইজ আছে?', true],
  ['কী সুন্দর সাজানো দোকান!', false],
  ['কী সুন্দর সাজানো দোকান', false],
  ['জানি না তিনি আসবেন কি না।', false],
  ['আপনাদের কেক খুব মজার ছিল।', false],
  ['কোন সমস্যা নেই, আমরা অপেক্ষা করবো', false],
  ['নতুন অর্ডারের জন্য আমাদের কে জানান', false],
  ['ধন্যবাদ 🌸 https://cafe.example/menu?lang=bn', false],
]

const mixed: Row[] = [
  ['Hi! هل عندكم delivery to Dubai', true],
  ['আপনাদের shop কি Sunday খোলা থাকে', true],
  ['Bonjour 😊 مرحبا, thanks for the lovely evening!', false],
  ['@אליס מתי הסדנה הבאה', true],
  ['Great event #WhoIsNext', false],
]

describe('isQuestion: real-looking messages in each language, language unknown', () => {
  const tables = { en: english, fr: french, ar: arabic, he: hebrew, bn: bengali, mixed }
  for (const [name, rows] of Object.entries(tables)) {
    it.each(rows)(`${name}: %s → %s`, (text, expected) => {
      expect(isQuestion(text)).toBe(expected)
    })
  }
})

describe('isQuestion: with the language given', () => {
  it.each([
    ['en', english],
    ['fr', french],
    ['ar', arabic],
    ['he', hebrew],
    ['bn', bengali],
  ] as const)('%s: every row gives the same answer with its language', (language, rows) => {
    expect(rows.filter(([text, expected]) => isQuestion(text, language) !== expected)).toEqual([])
  })

  it('narrows only between the two languages written in Latin letters', () => {
    // French "comment" opens a question; in English it is a noun or a verb.
    expect(isQuestion('Comment faire une réservation', 'fr')).toBe(true)
    expect(isQuestion('Comment faire une réservation', 'en')).toBe(false)
    expect(isQuestion('Do you deliver on Sundays', 'fr')).toBe(false)
    // Other scripts are always read: an item tagged English may well be in Arabic.
    expect(isQuestion('متى تفتحون', 'en-GB')).toBe(true)
    expect(isQuestion('מתי אתם פותחים', 'iw')).toBe(true)
    expect(isQuestion('Quand ouvrez-vous', 'fr-CA')).toBe(true)
    expect(isQuestion('Quand ouvrez-vous', 'es')).toBe(true)
  })
})

describe('isQuestion: question marks', () => {
  it.each<Row>([
    ['Open tomorrow？', true],
    ['مفتوح اليوم؟🌙✨', true],
    ['Still on for Saturday?! 🎉 @sam', true],
    ['Same recipe? https://cafe.example/a', true],
    ['Is this yours https://cafe.example/lost?', true],
    ['https://cafe.example/search?q=bread', false],
    ['Order at shop.example/order?item=42 today', false],
    ['Price list /prices?year=2026 attached.', false],
    ['', false],
    ['🥐🥐🥐', false],
  ])('%s → %s', (text, expected) => {
    expect(isQuestion(text)).toBe(expected)
  })
})

describe('isQuestion: sentence ends decide', () => {
  it('reads each sentence and line on its own', () => {
    expect(isQuestion('Loved the tart!\nDo you ship to Lyon')).toBe(true)
    expect(isQuestion('Thanks. Do you open at 9')).toBe(true)
    expect(isQuestion('Do you open at 9.')).toBe(false)
    expect(isQuestion('Do you open at 9...')).toBe(true)
    expect(isQuestion('Why not!')).toBe(false)
  })

  it('reads the clause after a greeting or a comma', () => {
    expect(isQuestion('Hi Sam, is the oven fixed')).toBe(true)
    expect(isQuestion('Thanks for today, see you soon')).toBe(false)
  })
})
