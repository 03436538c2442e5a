import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it, vi } from 'vitest'
import { hashPassword, verifyPassword } from './passwords.js'
import { createSecretBox, SecretBoxError } from './secret-box.js'
import { hashToken, randomToken, safeEqual } from './tokens.js'
import { checkPublicUrl, guardedLookup, isPublicAddress, UrlRejectedError } from './url-guard.js'

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery', 12)
    expect(hash).toMatch(/^scrypt\$12\$8\$1\$/)
    expect(hash).not.toContain('correct horse')
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false)
  })

  it('salts each hash', async () => {
    expect(await hashPassword('same password', 12)).not.toBe(await hashPassword('same password', 12))
  })

  it('treats composed and decomposed Unicode as the same password', async () => {
    const hash = await hashPassword('café-señor-পাসওয়ার্ড', 12)
    expect(await verifyPassword('cafe\u0301-sen\u0303or-পাসওয়ার্ড', hash)).toBe(true)
  })

  it('refuses malformed stored hashes', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false)
    expect(await verifyPassword('x', 'bcrypt$10$abc')).toBe(false)
  })
})

describe('secret box', () => {
  const box = createSecretBox('k'.repeat(40))

  it('round-trips and never shows the plaintext', () => {
    const sealed = box.seal('oauth-token-😀-טוקן')
    expect(sealed).not.toContain('oauth')
    expect(box.open(sealed)).toBe('oauth-token-😀-טוקן')
    expect(box.seal('same')).not.toBe(box.seal('same'))
  })

  it('refuses altered values and values sealed under another key', () => {
    const sealed = box.seal('secret')
    const [v, iv, tag, data] = sealed.split('.')
    const flipped = data!.slice(0, -1) + (data!.endsWith('A') ? 'B' : 'A')
    expect(() => box.open([v, iv, tag, flipped].join('.'))).toThrow(SecretBoxError)
    expect(() => createSecretBox('z'.repeat(40)).open(sealed)).toThrow(SecretBoxError)
    expect(() => box.open('garbage')).toThrow(SecretBoxError)
  })

  it('keeps recently opened values when asked, and still refuses what it never opened', () => {
    const keeping = createSecretBox('k'.repeat(40), { keepOpened: 2 })
    const [a, b, c] = ['token-a', 'token-b', 'token-c'].map((t) => box.seal(t)) as [string, string, string]
    const deciphers = vi.spyOn(crypto, 'createDecipheriv')
    try {
      expect(keeping.open(a)).toBe('token-a')
      expect(keeping.open(a)).toBe('token-a')
      expect(deciphers).toHaveBeenCalledTimes(1)
      expect(keeping.open(b)).toBe('token-b')
      expect(keeping.open(c)).toBe('token-c')
      // `a` was pushed out: it is opened again, not lost.
      expect(keeping.open(a)).toBe('token-a')
      expect(deciphers).toHaveBeenCalledTimes(4)
    } finally {
      deciphers.mockRestore()
    }
    // The first character of the data: a last one may hold only padding bits of base64.
    const [v, iv, tag, data] = a.split('.')
    const flipped = (data!.startsWith('A') ? 'B' : 'A') + data!.slice(1)
    expect(() => keeping.open([v, iv, tag, flipped].join('.'))).toThrow(SecretBoxError)
    expect(() => createSecretBox('z'.repeat(40), { keepOpened: 2 }).open(a)).toThrow(SecretBoxError)
  })
})

describe('tokens', () => {
  it('are random, url-safe, and hashed deterministically', () => {
    const a = randomToken()
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(randomToken()).not.toBe(a)
    expect(hashToken(a)).toBe(hashToken(a))
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/)
    expect(safeEqual(a, a)).toBe(true)
    expect(safeEqual(a, a + 'x')).toBe(false)
  })
})

describe('URL guard', () => {
  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '::1', 'fc00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '224.0.0.1', '255.255.255.255',
  ])('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false)
  })

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111'])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true)
  })

  const resolveTo = (address: string) => async () => [{ address, family: address.includes(':') ? 6 : 4 }]

  it('refuses a host name that resolves to a private address, naming the reason', async () => {
    const check = checkPublicUrl('https://intranet.example/feed.xml', { allowPrivate: false, resolve: resolveTo('10.0.0.5') })
    await expect(check).rejects.toMatchObject({ reason: 'private_address' })
  })

  it('refuses literal loopback addresses, other protocols and credentials', async () => {
    const options = { allowPrivate: false, resolve: resolveTo('93.184.216.34') }
    await expect(checkPublicUrl('http://127.0.0.1:8080/', options)).rejects.toMatchObject({ reason: 'private_address' })
    await expect(checkPublicUrl('http://[::1]/', options)).rejects.toMatchObject({ reason: 'private_address' })
    await expect(checkPublicUrl('file:///etc/passwd', options)).rejects.toMatchObject({ reason: 'unsupported_protocol' })
    await expect(checkPublicUrl('https://user:pw@example.com/', options)).rejects.toMatchObject({ reason: 'credentials_in_url' })
    await expect(checkPublicUrl('not a url', options)).rejects.toBeInstanceOf(UrlRejectedError)
  })

  it('accepts public hosts, and private ones when the setting allows it', async () => {
    const url = await checkPublicUrl('https://blog.example.com/feed', { allowPrivate: false, resolve: resolveTo('93.184.216.34') })
    expect(url.hostname).toBe('blog.example.com')
    await expect(checkPublicUrl('http://127.0.0.1:9/', { allowPrivate: true })).resolves.toBeInstanceOf(URL)
  })

  it('refuses the connection itself to a loopback server unless allowed', async () => {
    const server = http.createServer((_req, res) => res.end('reached'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const get = (allowPrivate: boolean) =>
      new Promise<string>((resolve, reject) => {
        http
          .get({ host: 'localhost', port, path: '/', lookup: guardedLookup(allowPrivate) }, (res) => {
            let body = ''
            res.on('data', (chunk) => (body += chunk))
            res.on('end', () => resolve(body))
          })
          .on('error', reject)
      })
    try {
      await expect(get(false)).rejects.toMatchObject({ code: 'EPRIVATEADDRESS' })
      await expect(get(true)).resolves.toBe('reached')
    } finally {
      server.close()
    }
  })
})

describe('guarded dispatcher', () => {
  it('refuses loopback by name and by literal address unless allowed, at connection time', async () => {
    const { createGuardedDispatcher } = await import('./guarded-dispatcher.js')
    const { fetch: undiciFetch } = await import('undici')
    let reached = 0
    const server = http.createServer((_req, res) => {
      reached++
      res.end('reached')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const guarded = createGuardedDispatcher(false)
    const open = createGuardedDispatcher(true)
    try {
      for (const host of ['localhost', '127.0.0.1', '[::ffff:127.0.0.1]']) {
        const error = await undiciFetch(`http://${host}:${port}/`, { dispatcher: guarded }).catch((e: unknown) => e)
        expect((error as { cause?: { code?: string } }).cause?.code, host).toBe('EPRIVATEADDRESS')
      }
      expect(reached).toBe(0)
      expect(await (await undiciFetch(`http://127.0.0.1:${port}/`, { dispatcher: open })).text()).toBe('reached')
    } finally {
      server.close()
      await guarded.close()
      await open.close()
    }
  })
})
