/**
 * Rich text: the mentions, links and hashtags in a post's text, as facets over UTF-8 byte ranges
 * (`app.bsky.richtext.facet#byteSlice`), found by @atproto/api's RichText. Mentions are resolved
 * to DIDs here rather than by `RichText.detectFacets`, which would leave an empty DID (an invalid
 * record) for a handle that does not exist and hide a PDS that is down.
 */
import { AppBskyRichtextFacet, RichText, type AtpAgent, type Facet } from '@atproto/api'
import { xrpcErrorName } from './xrpc-errors.js'

/** A handle that resolves to no account: 400 HandleNotFound, or InvalidRequest "Unable to resolve handle" (PDS 0.4). */
function isUnknownHandle(error: unknown): boolean {
  const name = xrpcErrorName(error)
  return name === 'InvalidRequest' || name === 'HandleNotFound'
}

/** The facets of `text`; mentions of handles that resolve to no account are left as plain text. */
export async function facetsFor(agent: AtpAgent, text: string): Promise<Facet[] | undefined> {
  const rich = new RichText({ text })
  rich.detectFacetsWithoutResolution()
  const facets: Facet[] = []
  for (const facet of rich.facets ?? []) {
    const features: Facet['features'] = []
    for (const feature of facet.features) {
      if (!AppBskyRichtextFacet.isMention(feature)) {
        features.push(feature)
        continue
      }
      // Before resolution the mention's `did` holds the handle.
      const did = await agent.com.atproto.identity.resolveHandle({ handle: feature.did }).then(
        ({ data }) => data.did,
        (error: unknown) => {
          if (isUnknownHandle(error)) return undefined
          throw error
        },
      )
      if (did) features.push({ ...feature, did })
    }
    if (features.length > 0) facets.push({ ...facet, features })
  }
  return facets.length > 0 ? facets : undefined
}
