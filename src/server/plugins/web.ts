/**
 * Serves the built web app (dist/web) from the same process: files by path, and index.html for
 * any other page address so the app's own router can show it. API paths never fall through.
 */
import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyReply } from 'fastify'
import type { App } from '../types.js'

/** Returns false (and serves nothing) when the app has not been built. */
export async function registerWeb(app: App, webDir: string): Promise<boolean> {
  const index = path.join(webDir, 'index.html')
  if (!fs.existsSync(index)) return false
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    // Hashed asset names never change content, so they can be cached for a long time.
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  const html = fs.readFileSync(index)
  const page = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html)
  app.get('/', (_request, reply) => page(reply))
  app.get('/*', (request, reply) => {
    const url = request.url.split('?')[0] ?? '/'
    const file = path.join(webDir, path.normalize(url).replace(/^(\.\.[/\\])+/, ''))
    if (url.startsWith('/api/') || url === '/api') return reply.callNotFound()
    if (file.startsWith(webDir) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(path.relative(webDir, file))
    // Unknown files (with an extension) are real 404s; page addresses get the app.
    if (path.extname(url) !== '') return reply.callNotFound()
    return page(reply)
  })
  return true
}
