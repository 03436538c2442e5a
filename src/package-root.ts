/** Where Stagecraft is installed: the folder with its package.json, from source or from dist. */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

function findRoot(start: string): string {
  let dir = start
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`package.json not found above ${start}`)
    dir = parent
  }
}

export const packageRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)))

export const packageVersion: string = (JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version

/** The built web app. */
export const defaultWebDir = path.join(packageRoot, 'dist', 'web')
