/**
 * The Unicode bidirectional algorithm (bidi-js), created once per process.
 *
 * bidi-js is a UMD bundle whose `module.exports` is the factory, while its type declarations
 * describe a default export; this module settles that difference in one place.
 */
import bidiModule from 'bidi-js'
import type { Bidi } from 'bidi-js'

type Factory = () => Bidi
const factory = (typeof bidiModule === 'function' ? bidiModule : (bidiModule as unknown as { default: Factory }).default) as Factory

/** The shared bidi instance. */
export const bidi: Bidi = factory()
