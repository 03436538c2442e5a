/**
 * Text fields that follow what is typed in them: `dir="auto"` on the `<textarea>` itself, so an
 * Arabic post reads right to left in an English interface and an English one left to right in
 * Arabic. Mantine gives a field's `dir` prop to its wrapper, where `auto` has no text to look at,
 * hence a ref.
 */
export function autoDirection(element: HTMLTextAreaElement | HTMLInputElement | null): void {
  element?.setAttribute('dir', 'auto')
}
