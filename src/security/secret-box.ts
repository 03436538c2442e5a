/**
 * Encryption at rest for OAuth tokens, app passwords and API keys of networks: AES-256-GCM with
 * a key derived (HKDF-SHA-256) from SECRET_KEY. Sealed values look like `v1.<iv>.<tag>.<data>`.
 */
import crypto from 'node:crypto'

export interface SecretBox {
  seal(plaintext: string): string
  open(sealed: string): string
}

/** Thrown when a sealed value was altered or sealed under another SECRET_KEY. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SecretBoxError'
  }
}

export interface SecretBoxOptions {
  /**
   * Keep this many recently opened values, by their sealed text, so a worker publishing many
   * posts of one account opens its credentials once. A sealed text opens to one plaintext only
   * (its IV and tag are part of it), so a kept value is never stale. Default 0: nothing kept.
   */
  keepOpened?: number
}

export function createSecretBox(secretKey: string, options: SecretBoxOptions = {}): SecretBox {
  const key = Buffer.from(crypto.hkdfSync('sha256', secretKey, 'stagecraft', 'secret-box v1', 32))
  const keep = Math.max(0, Math.floor(options.keepOpened ?? 0))
  const box: SecretBox = {
    seal(plaintext) {
      const iv = crypto.randomBytes(12)
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv)
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.')
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split('.')
      if (version !== 'v1' || iv === undefined || tag === undefined || data === undefined) {
        throw new SecretBoxError('not a sealed value')
      }
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
        decipher.setAuthTag(Buffer.from(tag, 'base64url'))
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
      } catch {
        throw new SecretBoxError('the value was altered or sealed with another SECRET_KEY')
      }
    },
  }
  if (keep === 0) return box
  const opened = new Map<string, string>()
  return {
    seal: box.seal,
    open(sealed) {
      const kept = opened.get(sealed)
      if (kept !== undefined) {
        // Most recently used last, so the oldest is the first to go.
        opened.delete(sealed)
        opened.set(sealed, kept)
        return kept
      }
      const plaintext = box.open(sealed)
      opened.set(sealed, plaintext)
      if (opened.size > keep) opened.delete(opened.keys().next().value!)
      return plaintext
    },
  }
}
