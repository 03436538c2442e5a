/** Items as listening keeps them (the recent sample, the tester) and as the matcher sees them. */
import type { MatchItem } from '../domain/listen-query/index.js'
import type { ListenItem } from './sources/index.js'
import { guessLanguage } from './sentiment/index.js'

/** An item as stored in the recent sample: what a source yielded. */
export type StoredItem = ListenItem

export function parseStoredItem(json: string): StoredItem {
  return JSON.parse(json) as StoredItem
}

/** The item's language: the one it declares, else a guess from its script and words. */
export function languageOf(item: ListenItem): string | undefined {
  return item.lang?.toLowerCase().split('-')[0] || guessLanguage(item.text)
}

/** What the matcher needs of an item. */
export function matchItemOf(item: ListenItem): MatchItem {
  const lang = languageOf(item)
  return {
    text: item.title ? `${item.title}\n${item.text}` : item.text,
    ...(lang ? { lang } : {}),
    ...(item.authorHandle ? { authorHandle: item.authorHandle } : {}),
    ...(item.url ? { url: item.url } : {}),
    hashtags: item.hashtags,
    links: item.links,
    mentions: item.mentions,
  }
}
