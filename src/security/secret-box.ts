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

export function createSecretBox(secretKey: string): SecretBox {
  const key = Buffer.from(crypto.hkdfSync('sha256', secretKey, 'stagecraft', 'secret-box v1', 32))
  return {
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
}
