/**
 * The measure API's shapes as the web app sees them (the server answers exactly these).
 */

/** GET /api/measure/links?cursor= ; POST /api/measure/links body { url, label?, campaign? } → 201 { link } ; DELETE /api/measure/links/:id → 204 */
export interface TrackedLink {
  id: string
  code: string
  /** The short address to share: `<public url>/l/<code>`. */
  shortUrl: string
  url: string
  /** Where it sends, with the UTM tags. */
  destination: string
  label: string | null
  campaign: string | null
  /** For links made when a post was published. */
  postId: string | null
  network: string | null
  clicks: number
  /** Clicks by known bots and link-preview fetchers, counted apart. */
  botClicks: number
  conversions: number
  createdAt: number
}

export interface LinkList {
  links: TrackedLink[]
  nextCursor: string | null
}

/** GET /api/measure/links/:id/qr.svg and /qr.png (?size=) : the QR image of the short address. */

/** GET /api/measure/settings ; PATCH /api/measure/settings body { trackLinks?: boolean } */
export interface MeasureSettings {
  /** Whether links in published posts become tracked short links by default. */
  trackLinks: boolean
  /** The public key the website snippets carry. */
  siteKey: string
  /** The snippets to paste, with the key and the app's address filled in. */
  snippets: {
    /** <script src=".../m.js" data-site-key="..." async></script> */
    script: string
    /** How to record a conversion from the page: stagecraft.convert('purchase', { value: 25, currency: 'EUR' }) */
    convertCall: string
    /** <img src=".../m/p.gif?k=...&type=signup" ...> */
    pixel: string
    /** A curl call to POST /api/conversions with an API key. */
    server: string
    /** <iframe src=".../f/hear/<siteKey>" ...></iframe> */
    hearFormIframe: string
    /** <div data-stagecraft-hear></div> with the script above */
    hearFormScript: string
  }
}

/** GET /api/measure/conversions?cursor= : the latest conversions and form answers. */
export interface ConversionView {
  id: string
  type: string
  value: number | null
  currency: string | null
  source: 'script' | 'pixel' | 'server' | 'form'
  answer: string | null
  postId: string | null
  network: string | null
  linkCode: string | null
  at: number
}
