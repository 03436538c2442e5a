/**
 * The typefaces a PDF can use and the choice of one per character.
 *
 * Fontsource ships Noto Sans split into per-script subsets (one file per subset and weight), so a
 * document mixing Arabic, digits and a Latin brand name needs several files: the script's own
 * face for its letters and Noto Sans (Latin, Greek, Cyrillic...) for the rest. Each subset
 * declares its Unicode ranges in the package's unicode.json, so a file is parsed only when a
 * character in its ranges shows up, and every parsed font stays in memory for the process.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fontkit, withExactCodePoints, type FontkitFont } from './fontkit.js'
import { woffToSfnt } from './woff.js'

/** The weights used by documents: body text and headings. */
export type FontWeight = 400 | 700

/** One parsed font file: a script subset of a Noto family at one weight. */
export interface Face {
  /** Unique per file, e.g. `noto-sans-arabic/arabic/700`. */
  readonly key: string
  readonly font: FontkitFont
  readonly weight: FontWeight
}

interface FaceSpec {
  readonly pkg: string
  readonly subset: string
  readonly ranges: ReadonlyArray<readonly [number, number]>
}

const requireHere = createRequire(import.meta.url)

/**
 * Fallback order. Script faces come first for their own letters (their ranges do not overlap);
 * for shared characters (spaces, punctuation, digits) the caller prefers the neighbouring face.
 * Latin glyphs always come from Noto Sans itself, never from the Latin subsets bundled with the
 * Arabic, Hebrew or Bengali families, so a brand name looks the same in every language.
 */
const ORDER: ReadonlyArray<readonly [pkg: string, subset: string]> = [
  ['noto-sans', 'latin'],
  ['noto-sans', 'latin-ext'],
  ['noto-sans-arabic', 'arabic'],
  ['noto-sans-hebrew', 'hebrew'],
  ['noto-sans-bengali', 'bengali'],
  ['noto-sans', 'greek'],
  ['noto-sans', 'greek-ext'],
  ['noto-sans', 'cyrillic'],
  ['noto-sans', 'cyrillic-ext'],
  ['noto-sans', 'vietnamese'],
  ['noto-sans', 'devanagari'],
  ['noto-sans-arabic', 'symbols'],
  ['noto-sans-arabic', 'math'],
]

function packageDir(pkg: string): string {
  return path.dirname(requireHere.resolve(`@fontsource/${pkg}/package.json`))
}

/** Parses fontsource's `U+0600-06FF,U+200C` notation. */
export function parseUnicodeRanges(text: string): Array<[number, number]> {
  return text.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-')
    const start = Number.parseInt(lo ?? '', 16)
    return [start, hi ? Number.parseInt(hi, 16) : start]
  })
}

let specs: FaceSpec[] | undefined

function faceSpecs(): FaceSpec[] {
  if (specs) return specs
  const rangesByPkg = new Map<string, Record<string, string>>()
  specs = ORDER.map(([pkg, subset]) => {
    let ranges = rangesByPkg.get(pkg)
    if (!ranges) {
      ranges = JSON.parse(fs.readFileSync(path.join(packageDir(pkg), 'unicode.json'), 'utf8')) as Record<string, string>
      rangesByPkg.set(pkg, ranges)
    }
    const declared = ranges[subset]
    if (!declared) throw new Error(`@fontsource/${pkg} has no "${subset}" subset`)
    return { pkg, subset, ranges: parseUnicodeRanges(declared) }
  })
  return specs
}

const loaded = new Map<string, Face>()

function load(spec: FaceSpec, weight: FontWeight): Face {
  const key = `${spec.pkg}/${spec.subset}/${weight}`
  const cached = loaded.get(key)
  if (cached) return cached
  // WOFF rather than WOFF2: zlib unpacks in a millisecond where brotli and WOFF2's glyph
  // transforms take tens; unpacked once to a plain font, see woff.ts.
  const file = path.join(packageDir(spec.pkg), 'files', `${spec.pkg}-${spec.subset}-${weight}-normal.woff`)
  const face: Face = { key, font: withExactCodePoints(fontkit.create(woffToSfnt(fs.readFileSync(file)))), weight }
  loaded.set(key, face)
  return face
}

function covers(spec: FaceSpec, codePoint: number): boolean {
  return spec.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi)
}

/** Whether a face has a real glyph for the code point. */
function faceHas(face: Face, codePoint: number): boolean {
  return face.font.hasGlyphForCodePoint(codePoint)
}

/**
 * The face to draw a code point with: `prefer` when it has the glyph (keeps punctuation and
 * spaces in the face of the surrounding words), otherwise the first face in fallback order whose
 * declared ranges include it and whose file really has it. Undefined when no face can draw it
 * (emoji, scripts we ship no font for).
 */
export function faceFor(codePoint: number, weight: FontWeight, prefer?: Face): Face | undefined {
  if (prefer && faceHas(prefer, codePoint)) return prefer
  for (const spec of faceSpecs()) {
    if (!covers(spec, codePoint)) continue
    const face = load(spec, weight)
    if (faceHas(face, codePoint)) return face
  }
  return undefined
}

/** Noto Sans Latin at the weight: the face for bullets and anything with no better choice. */
export function latinFace(weight: FontWeight): Face {
  return load(faceSpecs()[0]!, weight)
}
