/**
 * Browser tests run against the real built web app: build it once before they start, so a fresh
 * clone needs nothing but `npm test`.
 */
import path from 'node:path'
import { build } from 'vite'

export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..')
  await build({ configFile: path.join(root, 'web/vite.config.ts'), logLevel: 'warn' })
}
