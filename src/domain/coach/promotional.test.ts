import { describe, expect, it } from 'vitest'
import { isPromotional } from './promotional.js'

describe('isPromotional', () => {
  const rows: Array<[string, string, boolean]> = [
    // English
    ['en', 'Weekend sale! 20% off all sourdough loaves until Sunday.', true],
    ['en', 'New spring menu is in. Order now for Friday pickup.', true],
    ['en', 'Our cinnamon buns are back, $3.50 each.', true],
    ['en', 'Use promo code BREAD10 at the till.', true],
    ['en', 'We tried a 48-hour fermentation this week and the crumb is so much lighter. Here is what we learned.', false],
    ['en', 'We offer free advice on choosing beans, just ask at the counter.', false],
    ['en', '6 madeleines came out of the oven burnt. Lesson learned!', false],
    // French
    ['fr', "C'est les soldes ! -30 % sur toutes les tartes jusqu'à dimanche.", true],
    ['fr', 'Notre offre spéciale du mois : le café et le croissant ensemble.', true],
    ['fr', 'Le menu du midi est à 12 € cette semaine.', true],
    ['fr', 'PROMO sur les éclairs au chocolat ce samedi', true],
    ['fr', 'Notre boulanger vous explique pourquoi il laisse reposer la pâte toute une nuit.', false],
    ['fr', 'Profitez du soleil sur notre nouvelle terrasse !', false],
    // Arabic: keywords with harakat, with attached prefixes, prices
    ['ar', 'خصم 20% على جميع الكعك حتى نهاية الأسبوع!', true],
    ['ar', 'استمتعوا بالتخفيضات الكبيرة في مقهانا هذا الأسبوع', true],
    ['ar', 'عُرُوضٌ خاصة على القهوة المختصة', true],
    ['ar', 'فنجان القهوة بـ١٥ درهمًا فقط', true],
    ['ar', 'تعلّموا معنا كيف نحمّص حبوب القهوة في مقهانا كل صباح.', false],
    // Hebrew: keywords with prefixes, 1+1, prices
    ['he', 'מבצע סוף שבוע: 1+1 על כל העוגות!', true],
    ['he', 'רק השבוע בהנחה על קפה הבית', true],
    ['he', 'כריך הבוקר ב־25 ₪ בלבד', true],
    ['he', 'ככה אנחנו מכינים את הבצק לחלות של שישי, צעד אחר צעד.', false],
    // Bengali: both spellings of ড়, prices with a case ending; ছাড়া ("without") is not ছাড়
    ['bn', 'এই সপ্তাহে সব কেকে ২০% ছাড়!', true],
    ['bn', 'এই সপ্তাহে সব কেকে ২০% ছা\u09a1\u09bc!', true],
    ['bn', 'নতুন অফার: দুটি কফি নিলে একটি ফ্রি। আজই কিনুন!', true],
    ['bn', 'আমাদের বিশেষ মিষ্টি এখন ১৫০ টাকায়', true],
    ['bn', 'আজ সকালে আমাদের বেকার দেখালেন কীভাবে হাতে রুটি বানানো হয়। ডিম ছাড়া কেকও আছে!', false],
  ]
  it.each(rows)('%s: %s → %s', (_lang, text, expected) => {
    expect(isPromotional(text)).toBe(expected)
  })
})
