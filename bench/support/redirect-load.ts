/**
 * The redirect benchmark's load generator, in a process of its own so that its work is not
 * counted as the server's (the benchmark measures the server process's CPU time per request).
 * Reads its options as JSON from argv[2], runs autocannon, prints the result as one JSON line.
 */
import autocannon from 'autocannon'

interface LoadOptions {
  url: string
  connections: number
  duration: number
  headers: Record<string, string>
  paths: string[]
}

const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions
const result = await autocannon({
  url: options.url,
  connections: options.connections,
  pipelining: 1,
  duration: options.duration,
  headers: options.headers,
  requests: options.paths.map((path) => ({ method: 'GET' as const, path })),
})
process.stdout.write(
  JSON.stringify({
    reqPerSec: result.requests.average,
    total: result.requests.total,
    duration: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    redirects: result['3xx'],
    otherNon2xx: result.non2xx - result['3xx'],
    errors: result.errors,
  }) + '\n',
)
