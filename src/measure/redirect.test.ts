import { describe, expect, it } from 'vitest'
import { countryCode, firstLanguage, referrerHost } from './redirect.js'

describe('what a click records of its request', () => {
  it('keeps only the host of the referrer', () => {
    expect(referrerHost('https://bsky.app/profile/cafe.example/post/3k?x=1')).toBe('bsky.app')
    expect(referrerHost('https://user:pw@Mastodon.Social:443/@cafe')).toBe('mastodon.social')
    expect(referrerHost('http://[2001:db8::1]:8080/')).toBe('[2001:db8::1]')
    expect(referrerHost('android-app://com.slack/')).toBe('com.slack')
    expect(referrerHost('not a url')).toBeNull()
    expect(referrerHost(undefined)).toBeNull()
  })

  it('takes the first language listed, skipping refused ones and junk', () => {
    expect(firstLanguage('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr-ca')
    expect(firstLanguage('*;q=0.5, ar')).toBe('ar')
    expect(firstLanguage('de;q=0, bn-BD')).toBe('bn-bd')
    expect(firstLanguage('<script>')).toBeNull()
    expect(firstLanguage(undefined)).toBeNull()
  })

  it('keeps a two-letter country and nothing else', () => {
    expect(countryCode('fr')).toBe('FR')
    expect(countryCode(['BD', 'IN'])).toBe('BD')
    expect(countryCode('XX')).toBeNull()
    expect(countryCode('T1')).toBeNull()
    expect(countryCode('France')).toBeNull()
    expect(countryCode(undefined)).toBeNull()
  })
})
