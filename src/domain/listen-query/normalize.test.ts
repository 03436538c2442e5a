import { describe, expect, it } from 'vitest'
import { normalizeText, tokenize, wordSpans } from './normalize.js'

const words = (text: string) => tokenize(normalizeText(text))

describe('normalizeText', () => {
  it('applies NFKC and lower case', () => {
    expect(normalizeText('ＣＡＦＥ')).toBe('cafe')
    expect(normalizeText('ﬁne')).toBe('fine')
    expect(normalizeText('Ⅻ ①')).toBe('xii 1')
    expect(normalizeText('HELLO World')).toBe('hello world')
  })

  it('folds Latin diacritics, ß, ligatures and the letters without a decomposition', () => {
    expect(normalizeText('Café Crème brûlée')).toBe('cafe creme brulee')
    expect(normalizeText('Ça coûte 5 €, très cher')).toBe('ca coute 5 €, tres cher')
    expect(normalizeText('Straße STRASSE ẞ')).toBe('strasse strasse ss')
    expect(normalizeText('Œuvre æther Søren Łódź Đorđe')).toBe('oeuvre aether soren lodz dorde')
    expect(normalizeText('İstanbul')).toBe('istanbul')
    expect(normalizeText('phở Nguyễn')).toBe('pho nguyen')
    // Decomposed input meets precomposed input.
    expect(normalizeText('cafe\u0301')).toBe(normalizeText('caf\u00e9'))
  })

  it('folds Greek tonos and final sigma, and Cyrillic diacritics', () => {
    expect(normalizeText('ΟΔΌΣ Καφές')).toBe('οδοσ καφεσ')
    expect(normalizeText('ёлка Йогурт')).toBe('елка иогурт')
  })

  it('removes Arabic harakat, superscript alef and tatweel', () => {
    expect(normalizeText('قَهْوَةٌ')).toBe('قهوه')
    expect(normalizeText('قهـــوة')).toBe('قهوه')
    expect(normalizeText('هٰذا')).toBe('هذا')
  })

  it('folds Arabic alef, yeh, teh marbuta and waw-hamza variants', () => {
    expect(normalizeText('أحمد إبراهيم آمن ٱلله')).toBe('احمد ابراهيم امن الله')
    expect(normalizeText('على مسئول')).toBe('علي مسيول')
    expect(normalizeText('مدرسة')).toBe('مدرسه')
    expect(normalizeText('مؤمن')).toBe('مومن')
    // Persian yeh and keheh typed on a Persian keyboard.
    expect(normalizeText('کتابی')).toBe('كتابي')
    // Presentation forms (NFKC) meet the letters.
    expect(normalizeText('\ufe8d\ufedf')).toBe('ال')
  })

  it('removes Hebrew niqqud and cantillation but keeps the letters and final forms', () => {
    expect(normalizeText('שָׁלוֹם')).toBe('שלום')
    expect(normalizeText('וּבַקָּפֶה')).toBe('ובקפה')
    expect(normalizeText('בְּרֵאשִׁ֖ית')).toBe('בראשית')
    expect(normalizeText('ךםןףץ')).toBe('ךםןףץ')
  })

  it('keeps Bengali vowel signs, virama and nukta (they are parts of the letters)', () => {
    expect(normalizeText('সাইকেল')).toBe('সাইকেল')
    expect(normalizeText('কফি দোকান')).toBe('কফি দোকান')
    expect(normalizeText('ক্ষমা')).toBe('ক্ষমা')
    expect(words('আমার সোনার বাংলা')).toEqual(['আমার', 'সোনার', 'বাংলা'])
    // Two-part vowel sign typed as its parts meets the single code point (NFKC).
    expect(normalizeText('\u0995\u09c7\u09be')).toBe(normalizeText('\u0995\u09cb'))
    // Nukta letter: precomposed and decomposed meet.
    expect(normalizeText('\u09df')).toBe(normalizeText('\u09af\u09bc'))
  })

  it('maps Arabic-Indic, Persian and Bengali digits to ASCII', () => {
    expect(normalizeText('١٢٣ ۴۵۶ ১০০')).toBe('123 456 100')
  })

  it('removes zero-width joiners and bidi controls, and splits on a zero-width space', () => {
    expect(normalizeText('ca\u200dfe\u200c')).toBe('cafe')
    expect(normalizeText('\u202bقهوة\u202c \u2067קפה\u2069 \u200eabc\u200f')).toBe('قهوه קפה abc')
    expect(words('joe\u200bbakery')).toEqual(['joe', 'bakery'])
    expect(normalizeText('soft\u00adhyphen')).toBe('softhyphen')
    // Bengali: a ZWJ choosing a glyph does not change the word.
    expect(normalizeText('র\u200d্যাব')).toBe(normalizeText('র্যাব'))
    // …and the old encoding of khanda ta becomes the letter.
    expect(normalizeText('উৎসব')).toBe(normalizeText('উত্\u200dসব'))
  })

  it('is idempotent on every code point of the Basic Multilingual Plane', () => {
    const broken: string[] = []
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue
      const once = normalizeText(String.fromCharCode(c))
      if (normalizeText(once) !== once) broken.push(c.toString(16))
    }
    expect(broken).toEqual([])
  })

  it('takes a fast path for ASCII that agrees with the general one', () => {
    const ascii = 'Hello, World! 123 joe_bakery @Joe #Tag'
    expect(normalizeText(ascii)).toBe(normalizeText(`${ascii}é`).slice(0, -1))
  })
})

describe('tokenize', () => {
  it('splits Latin words at spaces, punctuation, apostrophes and hyphens', () => {
    expect(words("Joe's Café – open 7/7, l'épicerie d’Orsay! e-bike")).toEqual(['joe', 's', 'cafe', 'open', '7', '7', 'l', 'epicerie', 'd', 'orsay', 'e', 'bike'])
  })

  it('splits Arabic at Arabic punctuation', () => {
    expect(words('قهوة،شاي؛ كعك؟ نعم')).toEqual(['قهوه', 'شاي', 'كعك', 'نعم'])
  })

  it('splits Hebrew at geresh, gershayim and maqaf', () => {
    expect(words('צה״ל ג׳ירפה תל־אביב')).toEqual(['צה', 'ל', 'ג', 'ירפה', 'תל', 'אביב'])
  })

  it('splits Bengali at the danda and keeps its words whole', () => {
    expect(words('কফি ভালো।সাইকেল দোকান')).toEqual(['কফি', 'ভালো', 'সাইকেল', 'দোকান'])
  })

  it('keeps letters outside the Basic Multilingual Plane inside words, and leaves emoji out', () => {
    expect(words('𝒸afe ☕ 𠀋x 😀')).toEqual(['cafe', '𠀋x'])
  })

  it('gives the same words as wordSpans', () => {
    const text = normalizeText("Joe's café, قهوة والقهوة، שלום 𠀋x — কফি। 100")
    const spans: number[] = [99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99]
    const count = wordSpans(text, spans)
    const fromSpans: string[] = []
    for (let k = 0; k < count; k += 2) fromSpans.push(text.slice(spans[k], spans[k + 1]))
    expect(fromSpans).toEqual(tokenize(text))
    expect(count).toBe(tokenize(text).length * 2)
  })

  it('finds no words in punctuation, symbols and empty text', () => {
    expect(words('')).toEqual([])
    expect(words(' — !!! ☕ & … ')).toEqual([])
  })
})
