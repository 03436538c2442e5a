/**
 * Text fields that follow what is typed in them: `dir="auto"` on the `<textarea>` itself, so an
 * Arabic post reads right to left in an English interface and an English one left to right in
 * Arabic. Mantine gives a field's `dir` prop to its wrapper, where `auto` has no text to look at,
 * hence a ref.
 */
export function autoDirection(element: HTMLTextAreaElement | HTMLInputElement | null): void {
  element?.setAttribute('dir', 'auto')
}

const rightToLeft = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u
const mentionOrLink = /https?:\/\/\S+|(?<![\p{L}\p{N}])@[\p{L}\p{N}._-]+(?:@[\p{L}\p{N}.-]+)?/gu

/**
 * The direction of a message from its first letter, leading @mentions and links left out: a
 * Hebrew question that starts with "@cafe.example" is still a right-to-left paragraph, where
 * `dir="auto"` would take the handle's Latin letters and lay it out left to right.
 */
export function textDirection(text: string): 'ltr' | 'rtl' | 'auto' {
  const letter = /\p{L}/u.exec(text.replace(mentionOrLink, ' '))
  if (!letter) return 'auto'
  return rightToLeft.test(letter[0]) ? 'rtl' : 'ltr'
}
