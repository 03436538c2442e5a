import { describe, expect, it } from 'vitest'
import { guessLanguage } from './index.js'

describe('guessLanguage', () => {
  it('settles Arabic, Hebrew and Bengali by their script', () => {
    expect(guessLanguage('القهوة هنا ممتازة')).toBe('ar')
    expect(guessLanguage('הקפה פה מעולה')).toBe('he')
    expect(guessLanguage('এখানকার কফি দারুণ')).toBe('bn')
  })

  it('tells English from French by function words and accents', () => {
    expect(guessLanguage('The coffee at this place is great')).toBe('en')
    expect(guessLanguage('Le café est très bon dans cette boutique')).toBe('fr')
    expect(guessLanguage("C'est fermé aujourd'hui")).toBe('fr')
    expect(guessLanguage('Is the café open on Sunday?')).toBe('en')
  })

  it('goes by the dominant script when scripts mix', () => {
    expect(guessLanguage('مقهى Blue Door رائع جداً والخدمة ممتازة')).toBe('ar')
    expect(guessLanguage('Blue Door קפה מעולה ושירות נהדר')).toBe('he')
  })

  it('does not let links and handles outvote the words', () => {
    expect(guessLanguage('@bluedoorcafe https://example.com/the-best-coffee-in-town قهوة رائعة')).toBe('ar')
  })

  it('gives no guess without evidence', () => {
    expect(guessLanguage('')).toBeUndefined()
    expect(guessLanguage('😍👍 123')).toBeUndefined()
    expect(guessLanguage('这家咖啡馆很好')).toBeUndefined()
    expect(guessLanguage('Cappuccino!')).toBeUndefined()
  })
})
