/**
 * Matcher benchmark (`npm run bench:match`): N listening queries (default 10,000; a seeded mix of
 * brand watches, phrases, NOT, wildcards, OR groups, hashtags, mentions and filters in en, fr, ar,
 * he, bn) against a seeded stream of posts (default 1,000,000; 5–50 words, five languages), on
 * one thread. Prints, as it goes and at the end: the compiled matcher's posts/s and per-post
 * latency (p50, p99), memory (peak RSS, and the heap the index takes), beside two baselines
 * measured in the same run on the same stream: the naive loop (every query evaluated by the
 * reference evaluator on every post, on a sample of the first posts) and the plain scan (only
 * normalize each post and find its words, exactly as the matcher does: the floor). `mismatches` counts sample posts on which the
 * compiled matcher and the naive loop disagree (must be 0). The last line is one JSON object
 * `{"bench":"match",...}`. Not a test. The machine may be shared: figures are noisy. Posts are
 * made in chunks; the garbage of their making is collected (untimed) before each timed loop.
 *
 * Flags: --queries N (10000) --posts N (1000000) --naive-sample N (10000) --chunk N (10000)
 *        --seed S (1)
 */
import { parseArgs } from 'node:util'
import v8 from 'node:v8'
import vm from 'node:vm'
import { normalizeText, wordSpans, type MatchItem } from '../src/domain/listen-query/index.js'
import { createMatcher } from '../src/listen/matcher/index.js'
import { createPostStream, generateQueries } from './support/match-corpus.js'
import { countMismatches, naiveMatch, parseAll } from './support/match-naive.js'

const { values } = parseArgs({
  options: {
    queries: { type: 'string', default: '10000' },
    posts: { type: 'string', default: '1000000' },
    'naive-sample': { type: 'string', default: '10000' },
    chunk: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
  },
})
const queryCount = positive(values.queries, '--queries')
const postCount = positive(values.posts, '--posts')
const sampleCount = Math.min(positive(values['naive-sample'], '--naive-sample'), postCount)
const chunkSize = positive(values.chunk, '--chunk')
const seed = positive(values.seed, '--seed')

function positive(value: string | undefined, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} expects a whole number above 0`)
  return n
}

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000)
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10
const fmt = (n: number) => n.toLocaleString('en-US')
const percentile = (sorted: Float64Array, q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0

// The generator's garbage is collected between timed loops (untimed), so that neither the scan nor
// the matcher pays for the posts' making: each timed loop sees only its own allocations.
v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void
const collect = () => gc()
const collectYoung = () => gc({ type: 'minor' })

console.log(`bench match: ${fmt(queryCount)} queries, ${fmt(postCount)} posts, naive sample ${fmt(sampleCount)}, seed ${seed}, node ${process.version}`)

// The queries, indexed.
const data = generateQueries(queryCount, seed)
collect()
const heapBefore = process.memoryUsage().heapUsed
const matcher = createMatcher()
let started = performance.now()
for (const q of data.queries) matcher.add(q.id, q.text)
const indexMs = performance.now() - started
collect()
const indexHeapMb = mb(process.memoryUsage().heapUsed - heapBefore)
console.log(`indexed ${fmt(matcher.size)} queries in ${Math.round(indexMs)} ms (${Math.round((indexMs * 1000) / queryCount)} µs each), index heap ≈ ${indexHeapMb} MB`)

// The naive loop on the first posts of the stream, and the compiled matcher's answers on them.
const sample: MatchItem[] = []
const nextSample = createPostStream(data.brands, seed + 1)
for (let i = 0; i < sampleCount; i++) sample.push(nextSample())
const parsed = parseAll(data.queries)
started = performance.now()
const expected = sample.map((item) => naiveMatch(parsed, item))
const naiveMs = performance.now() - started
const naivePostsPerSec = perSecond(sampleCount, naiveMs)
const mismatches = countMismatches(matcher, sample, expected)
const sampleMatched = expected.filter((ids) => ids.length > 0).length
console.log(
  `naive loop: ${fmt(naivePostsPerSec)} posts/s over ${fmt(sampleCount)} posts (${fmt(sampleMatched)} matched something); mismatches with the compiled matcher: ${mismatches}`,
)

// The stream: per chunk, the plain scan then the matcher over the same posts.
const next = createPostStream(data.brands, seed + 1)
const latencies = new Float64Array(postCount)
const spans: number[] = []
let scanMs = 0
let matchMs = 0
let tokens = 0
let hits = 0
let matchedPosts = 0
let done = 0
const reportEvery = Math.max(chunkSize, Math.floor(postCount / 10))
while (done < postCount) {
  const chunk: MatchItem[] = []
  for (let i = 0; i < chunkSize && done + i < postCount; i++) chunk.push(next())
  collectYoung()
  started = performance.now()
  for (const item of chunk) tokens += wordSpans(normalizeText(item.text), spans) / 2
  scanMs += performance.now() - started
  collectYoung()
  // One clock reading per post: each post's latency runs from the end of the one before.
  const chunkStart = performance.now()
  let last = chunkStart
  for (let i = 0; i < chunk.length; i++) {
    const ids = matcher.match(chunk[i]!)
    const now = performance.now()
    latencies[done + i] = now - last
    last = now
    hits += ids.length
    if (ids.length > 0) matchedPosts++
  }
  matchMs += last - chunkStart
  done += chunk.length
  if (done % reportEvery < chunkSize || done === postCount) {
    console.log(`  ${fmt(done)} posts: matcher ${fmt(perSecond(done, matchMs))} posts/s, scan ${fmt(perSecond(done, scanMs))} posts/s, ${fmt(matchedPosts)} posts matched`)
  }
}

const postsPerSec = perSecond(postCount, matchMs)
const scanPostsPerSec = perSecond(postCount, scanMs)
const sorted = latencies.sort()
const p50Us = Math.round(percentile(sorted, 0.5) * 10_000) / 10
const p99Us = Math.round(percentile(sorted, 0.99) * 10_000) / 10
const maxUs = Math.round(percentile(sorted, 1) * 1000)
const rssMb = mb(process.resourceUsage().maxRSS * 1024)
collect()
const { rss: rssNow, heapUsed } = process.memoryUsage()
const vsNaive = Math.round((postsPerSec / naivePostsPerSec) * 10) / 10
const scanRatio = Math.round((scanPostsPerSec / postsPerSec) * 100) / 100
console.log(
  `matcher: ${fmt(postsPerSec)} posts/s (p50 ${p50Us} µs, p99 ${p99Us} µs, max ${fmt(maxUs)} µs per post), ${(tokens / postCount).toFixed(1)} words/post, ` +
    `${fmt(matchedPosts)} posts matched (${fmt(hits)} matches); peak RSS ${rssMb} MB (after a full GC: RSS ${mb(rssNow)} MB, heap ${mb(heapUsed)} MB)`,
)
console.log(`baselines: naive ${fmt(naivePostsPerSec)} posts/s (matcher ${vsNaive}× faster), plain scan ${fmt(scanPostsPerSec)} posts/s (matcher ${scanRatio}× slower than the floor)`)
const targets = [
  [`≥ 100,000 posts/s`, postsPerSec >= 100_000],
  [`≥ 50× the naive loop`, vsNaive >= 50],
  [`within 4× of the plain scan`, scanRatio <= 4],
  [`no mismatches`, mismatches === 0],
] as const
const sizeNote = queryCount === 10_000 && postCount >= 1_000_000 ? '' : ' (the targets are set for 10,000 queries and 1,000,000 posts)'
console.log(`targets: ${targets.map(([name, met]) => `${name} ${met ? 'met' : 'NOT MET'}`).join('; ')}${sizeNote}`)
console.log(
  JSON.stringify({ bench: 'match', queries: queryCount, posts: postCount, postsPerSec, naivePostsPerSec, scanPostsPerSec, p99Us, rssMb, mismatches }),
)
