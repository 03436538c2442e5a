/** Files are checked against each chosen network's media rules before they are uploaded. */
import { describe, expect, it } from 'vitest'
import { acceptedTypes, altTextLimit, checkFile, maxAttachments, type NetworkMediaRules } from './media-checks'

const bluesky: NetworkMediaRules = {
  name: 'Bluesky',
  media: { kinds: ['image'], maxCount: 4, maxBytes: { image: 1_000_000 }, mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'], altTextMaxLength: 2000 },
}
const mastodon: NetworkMediaRules = {
  name: 'Mastodon',
  media: {
    kinds: ['image', 'gif', 'video'],
    maxCount: 4,
    maxBytes: { image: 16_777_216, gif: 16_777_216, video: 103_809_024 },
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4'],
    altTextMaxLength: 1500,
  },
}

describe('checkFile', () => {
  it('passes a file every network takes', () => {
    expect(checkFile({ type: 'image/png', size: 200_000 }, 0, [bluesky, mastodon])).toEqual([])
  })

  it('names the network a file is too large for, with its limit', () => {
    expect(checkFile({ type: 'image/jpeg', size: 2_500_000 }, 0, [bluesky, mastodon])).toEqual([{ network: 'Bluesky', problem: 'size', maxBytes: 1_000_000 }])
  })

  it('refuses a type or kind a network does not take, as the server would', () => {
    expect(checkFile({ type: 'video/mp4', size: 10 }, 0, [bluesky, mastodon])).toEqual([{ network: 'Bluesky', problem: 'type', type: 'video/mp4' }])
    expect(checkFile({ type: 'image/gif', size: 10 }, 0, [bluesky])).toEqual([{ network: 'Bluesky', problem: 'type', type: 'image/gif' }])
    expect(checkFile({ type: 'image/heic', size: 10 }, 0, [mastodon])).toEqual([{ network: 'Mastodon', problem: 'type', type: 'image/heic' }])
  })

  it('refuses one image too many', () => {
    expect(checkFile({ type: 'image/png', size: 10 }, 4, [bluesky])).toEqual([{ network: 'Bluesky', problem: 'count', max: 4 }])
  })
})

describe('limits shared by the chosen networks', () => {
  it('offers only types all of them take, and the smallest counts', () => {
    expect(acceptedTypes([bluesky, mastodon])).toBe('image/jpeg,image/png,image/webp,image/gif')
    expect(acceptedTypes([])).toBe('image/*')
    expect(maxAttachments([bluesky, mastodon])).toBe(4)
    expect(altTextLimit([bluesky, mastodon])).toBe(1500)
    expect(altTextLimit([])).toBeUndefined()
  })
})
