/**
 * Checking a draft against a network's rules before it is saved or scheduled: text length by the
 * network's own count, media count, kinds, types and sizes, alt text. Problems carry a message
 * key (under `validation.`) and its params; warnings do not block.
 */
import { countText, type MediaKind, type MediaRules, type TextRules } from './network-rules.js'

export interface DraftMedia {
  kind: MediaKind
  mimeType: string
  size: number
  altText: string
}

export interface DraftProblem {
  key: 'post_empty' | 'post_too_long' | 'post_too_many_bytes' | 'media_too_many' | 'media_kind' | 'media_type' | 'media_too_large' | 'alt_text_too_long' | 'alt_text_missing'
  params: Record<string, string | number>
  /** Which attachment (0-based), for media problems. */
  media?: number
  severity: 'error' | 'warning'
}

export function checkDraft(draft: { text: string; media: DraftMedia[] }, rules: { text: TextRules; media: MediaRules }): DraftProblem[] {
  const problems: DraftProblem[] = []
  const length = countText(draft.text, rules.text)
  if (draft.text.trim() === '' && draft.media.length === 0) problems.push({ key: 'post_empty', params: {}, severity: 'error' })
  if (length > rules.text.maxLength) {
    problems.push({ key: 'post_too_long', params: { count: length, max: rules.text.maxLength }, severity: 'error' })
  }
  const bytes = new TextEncoder().encode(draft.text).length
  if (rules.text.maxBytes !== undefined && bytes > rules.text.maxBytes && length <= rules.text.maxLength) {
    problems.push({ key: 'post_too_many_bytes', params: { count: bytes, max: rules.text.maxBytes }, severity: 'error' })
  }
  if (draft.media.length > rules.media.maxCount) {
    problems.push({ key: 'media_too_many', params: { count: rules.media.maxCount }, severity: 'error' })
  }
  draft.media.forEach((media, index) => {
    const at = { media: index }
    if (!rules.media.kinds.includes(media.kind)) problems.push({ key: 'media_kind', params: { kind: media.kind }, severity: 'error', ...at })
    else if (!rules.media.mimeTypes.includes(media.mimeType)) {
      problems.push({ key: 'media_type', params: { type: media.mimeType }, severity: 'error', ...at })
    }
    const max = rules.media.maxBytes[media.kind]
    if (max !== undefined && media.size > max) problems.push({ key: 'media_too_large', params: { max, mb: Math.round(max / 100_000) / 10 }, severity: 'error', ...at })
    if (rules.media.altTextMaxLength !== undefined && [...media.altText].length > rules.media.altTextMaxLength) {
      problems.push({ key: 'alt_text_too_long', params: { count: rules.media.altTextMaxLength }, severity: 'error', ...at })
    }
    if (media.altText.trim() === '') problems.push({ key: 'alt_text_missing', params: {}, severity: 'warning', ...at })
  })
  return problems
}
