/**
 * The URL guard for listening sources: entry-time checks with their message keys, and the socket
 * guard `ws` connects through, against a real WebSocket server on loopback.
 */
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { UrlRejectedError } from '../../security/index.js'
import { checkListenSourceUrl, guardedSocket, toStreamUrl } from './source-url.js'

let server: WebSocketServer
let port: number
let connections = 0
beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', resolve))
  server.on('connection', (socket) => {
    connections += 1
    socket.send('hello')
  })
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** Connects with the guarded socket; resolves with the first message or the error. */
function connect(url: string, allowPrivate: boolean): Promise<{ message?: string; error?: Error }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { createConnection: guardedSocket(allowPrivate, false) })
    socket.once('message', (data) => {
      resolve({ message: String(data) })
      socket.close()
    })
    socket.once('error', (error) => resolve({ error }))
  })
}

describe('checkListenSourceUrl', () => {
  it('normalises stream services to ws(s) base URLs and accepts public addresses', async () => {
    expect(toStreamUrl('https://bsky.network/').href).toBe('wss://bsky.network/')
    expect(toStreamUrl('http://relay.example:2470/prefix/?x=1').href).toBe('ws://relay.example:2470/prefix')
    expect((await checkListenSourceUrl('wss://93.184.215.14', { kind: 'bluesky', allowPrivate: false })).protocol).toBe('wss:')
    expect((await checkListenSourceUrl('https://93.184.215.14/feed', { kind: 'feed', allowPrivate: false })).href).toBe('https://93.184.215.14/feed')
  })

  it('refuses with the reason and the message key a person sees', async () => {
    const refusal = (raw: string, kind: 'feed' | 'mastodon' | 'bluesky', allowPrivate = false) =>
      checkListenSourceUrl(raw, { kind, allowPrivate }).then(() => undefined, (e: unknown) => e)
    expect(await refusal('wss://127.0.0.1:9', 'bluesky')).toMatchObject({ reason: 'private_address', messageKey: 'url_private_address' })
    expect(await refusal('ws://[::1]:9', 'bluesky')).toMatchObject({ reason: 'private_address' })
    expect(await refusal('http://10.0.0.8/feed', 'feed')).toMatchObject({ reason: 'private_address' })
    expect(await refusal('https://user:secret@mastodon.example', 'mastodon')).toMatchObject({ reason: 'credentials_in_url', messageKey: 'url_credentials_in_url' })
    expect(await refusal('ftp://relay.example', 'bluesky')).toMatchObject({ reason: 'unsupported_protocol', messageKey: 'listen_source_stream_protocol' })
    expect(await refusal('ws://feeds.example/rss', 'feed')).toMatchObject({ reason: 'unsupported_protocol', messageKey: 'url_unsupported_protocol' })
    expect(await refusal('not a url', 'mastodon')).toMatchObject({ reason: 'invalid_url' })
    expect(await refusal('wss://127.0.0.1:9', 'bluesky', true)).toBeUndefined()
  })
})

describe('guardedSocket', () => {
  it('refuses loopback whether named or literal, before any byte reaches the server', async () => {
    const before = connections
    const named = await connect(`ws://localhost:${port}`, false)
    expect(named.error).toBeInstanceOf(UrlRejectedError)
    expect((named.error as NodeJS.ErrnoException).code).toBe('EPRIVATEADDRESS')
    const literal = await connect(`ws://127.0.0.1:${port}`, false)
    expect(literal.error).toBeInstanceOf(UrlRejectedError)
    expect(connections).toBe(before)
  })

  it('connects when private addresses are allowed', async () => {
    expect(await connect(`ws://localhost:${port}`, true)).toEqual({ message: 'hello' })
  })
})
