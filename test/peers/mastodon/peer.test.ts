import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMastodonPeer, type MastodonPeer } from './index.js'

/** Status codes and messages masto reports for a failed call. */
async function failure(promise: Promise<unknown>): Promise<{ status?: number; message: string }> {
  const error = (await promise.then(() => undefined, (e: unknown) => e)) as Error & { statusCode?: number }
  return { status: error?.statusCode, message: error?.message }
}

describe('the Mastodon contract server, driven by the masto client', () => {
  let peer: MastodonPeer
  beforeAll(async () => {
    peer = await startMastodonPeer({ mediaProcessingPolls: 1 })
  })
  afterAll(() => peer?.close())

  it('updates alt text with PUT /api/v1/media/:id, answering 206 until processed', async () => {
    const client = createRestAPIClient({ url: peer.url, accessToken: peer.createAccountWithToken().accessToken })
    const media = await client.v2.media.create({ file: new Blob([new Uint8Array([1])], { type: 'image/png' }), skipPolling: true })
    expect(media.url).toBeNull()
    await client.v1.media.$select(media.id).update({ description: 'Rye loaf' })
    expect((await client.v1.media.$select(media.id).fetch()).url).toBeNull()
    expect((await client.v1.media.$select(media.id).fetch()).description).toBe('Rye loaf')
    expect(peer.media(media.id)?.responses).toEqual([202, 206, 206, 200])
    expect(await failure(client.v2.media.create({ file: new Blob([new Uint8Array([1])], { type: 'text/plain' }), skipPolling: true }))).toEqual({
      status: 422,
      message: 'Validation failed: File content type is invalid, File is invalid',
    })
  })

  it('pages account statuses newest first through the Link header', async () => {
    const { account, accessToken } = peer.createAccountWithToken()
    const client = createRestAPIClient({ url: peer.url, accessToken })
    for (const text of ['one', 'two', 'three', 'four', 'five']) await client.v1.statuses.create({ status: text })
    const pages: string[][] = []
    for await (const page of client.v1.accounts.$select(account.id).statuses.list({ limit: 2 })) pages.push(page.map((s) => s.content))
    expect(pages).toEqual([['<p>five</p>', '<p>four</p>'], ['<p>three</p>', '<p>two</p>'], ['<p>one</p>']])
  })

  it('shows several statuses at once from 4.3 (at most 20, missing ones left out) and not before', async () => {
    const { account, accessToken } = peer.createAccountWithToken()
    const client = createRestAPIClient({ url: peer.url, accessToken })
    const [first, second] = [await client.v1.statuses.create({ status: 'first' }), await client.v1.statuses.create({ status: 'second' })]
    await client.v1.statuses.$select(first.id).remove()
    peer.setCounts(second.id, { favourites: 5, reblogs: 2, quotes: 1 })
    peer.setAccountCounts(account.id, { followers: 8, following: 3 })
    const shown = await client.v1.statuses.fetch({ id: [first.id, second.id, '999'] })
    expect(shown.map((s) => [s.id, s.favouritesCount, s.reblogsCount, s.quotesCount])).toEqual([[second.id, 5, 2, undefined]])
    expect(await failure(client.v1.statuses.fetch({ id: Array.from({ length: 21 }, (_, i) => String(i + 1)) }))).toEqual({ status: 422, message: 'Mastodon::ValidationError' })
    expect(await client.v1.accounts.verifyCredentials()).toMatchObject({ followersCount: 8, followingCount: 3, statusesCount: 1 })
    const older = await startMastodonPeer({ version: '4.2.0' })
    try {
      const token = older.createAccountWithToken().accessToken
      expect(await failure(createRestAPIClient({ url: older.url, accessToken: token }).v1.statuses.fetch({ id: ['1'] }))).toMatchObject({ status: 404 })
      expect((await createRestAPIClient({ url: older.url }).v2.instance.fetch()).apiVersions).toBeUndefined()
    } finally {
      await older.close()
    }
  })

  it('refuses missing scopes, unknown tokens and other apps\' revocations the way Mastodon does', async () => {
    const { account, accessToken } = peer.createAccountWithToken()
    const readOnly = createRestAPIClient({ url: peer.url, accessToken: peer.createToken(account, 'read') })
    expect(await failure(readOnly.v1.statuses.create({ status: 'nope' }))).toEqual({ status: 403, message: 'This action is outside the authorized scopes' })
    expect(await failure(createRestAPIClient({ url: peer.url, accessToken: 'x' }).v1.accounts.verifyCredentials())).toEqual({
      status: 401,
      message: 'The access token is invalid',
    })
    const rest = createRestAPIClient({ url: peer.url, accessToken })
    const app = await rest.v1.apps.create({ clientName: 'Other', redirectUris: 'http://127.0.0.1:9/cb', scopes: 'read' })
    peer.signIn(account)
    const authorize = `${peer.url}/oauth/authorize?response_type=code&client_id=${app.clientId}&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/cb')}&scope=read`
    const code = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location')!).searchParams.get('code')!
    const oauth = createOAuthAPIClient({ url: peer.url })
    const token = await oauth.token.create({ grantType: 'authorization_code', code, clientId: app.clientId!, clientSecret: app.clientSecret!, redirectUri: 'http://127.0.0.1:9/cb' })
    const third = await rest.v1.apps.create({ clientName: 'Third', redirectUris: 'http://127.0.0.1:9/cb', scopes: 'read' })
    expect(await failure(oauth.revoke({ clientId: third.clientId!, clientSecret: third.clientSecret!, token: token.accessToken }))).toMatchObject({ status: 403 })
    await oauth.revoke({ clientId: app.clientId!, clientSecret: app.clientSecret!, token: token.accessToken })
    await oauth.revoke({ clientId: app.clientId!, clientSecret: app.clientSecret!, token: token.accessToken })
    expect(await failure(createRestAPIClient({ url: peer.url, accessToken: token.accessToken }).v1.accounts.verifyCredentials())).toEqual({
      status: 401,
      message: 'The access token was revoked',
    })
  })
})
