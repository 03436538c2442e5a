/**
 * Addresses of Bluesky things: AT URIs of records (at://did/collection/rkey) and the web
 * addresses people open (bsky.app shows any account its AppView has indexed, whatever its PDS).
 */
import { Rejected } from '../errors.js'
import { network } from './xrpc-errors.js'

export const postCollection = 'app.bsky.feed.post'
export const profileCollection = 'app.bsky.actor.profile'

export interface RecordAddress {
  did: string
  collection: string
  rkey: string
}

/** Splits an at:// URI; anything else is not a Bluesky post we can act on. */
export function parseAtUri(uri: string): RecordAddress {
  const match = /^at:\/\/(did:[a-z]+:[^/]+)\/([^/]+)\/([^/?#]+)$/.exec(uri)
  if (!match) throw new Rejected(network, `Not a Bluesky record address: ${uri}`, 'InvalidUri')
  return { did: match[1]!, collection: match[2]!, rkey: match[3]! }
}

export function profileUrl(handle: string): string {
  return `https://bsky.app/profile/${handle}`
}

/** By DID rather than handle, so the link survives a handle change. */
export function postUrl(did: string, rkey: string): string {
  return `https://bsky.app/profile/${did}/post/${rkey}`
}

/** Bluesky's image CDN, which serves the avatars of accounts the AppView has indexed. */
export function avatarUrl(did: string, cid: string): string {
  return `https://cdn.bsky.app/img/avatar/plain/${did}/${cid}@jpeg`
}
