/**
 * Real headless Chromium (Debian's, via playwright-core) against a real Stagecraft server on a
 * loopback port. Screenshots go to test-output/ (ignored by git).
 */
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { defaultWebDir } from '../../src/package-root.js'
import type { ConnectorRegistry } from '../../src/networks/index.js'
import { createTestApp, type TestApp } from './app.js'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const outputDir = path.resolve(import.meta.dirname, '../../test-output')

/** Flags that keep Chromium quiet and offline (no background calls home). */
const flags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
]

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH`)
  }
  return chromium.launch({ executablePath: chromiumPath, args: flags, headless: true })
}

export interface LiveServer {
  t: TestApp
  url: string
  close(): Promise<void>
}

/**
 * A test app serving the built web UI on a free loopback port, with PUBLIC_URL to match. With
 * `networks` (real peers on loopback) the worker runs too and private addresses are allowed.
 */
export async function startLiveServer(options: { networks?: ConnectorRegistry; env?: Record<string, string> } = {}): Promise<LiveServer> {
  // The port must be known before the app is built (PUBLIC_URL), so reserve one first.
  const net = await import('node:net')
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (probe.address() as AddressInfo).port
      probe.close(() => resolve(p))
    })
  })
  const t = await createTestApp({
    webDir: defaultWebDir,
    ...(options.networks ? { networks: options.networks } : {}),
    env: { PUBLIC_URL: `http://127.0.0.1:${port}`, PORT: String(port), ...(options.networks ? { ALLOW_PRIVATE_URLS: 'true' } : {}), ...options.env },
  })
  await t.app.listen({ port, host: '127.0.0.1' })
  return { t, url: `http://127.0.0.1:${port}`, close: () => t.close() }
}

export async function newPage(browser: Browser, options: { locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: options.locale ?? 'en-US', viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  return { context, page }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(outputDir, { recursive: true })
  const file = path.join(outputDir, `${name}.png`)
  // From the top, so the sticky header sits where a person sees it, not where the scroll left it.
  await page.evaluate('window.scrollTo(0, 0)')
  await page.screenshot({ path: file, fullPage: true })
  return file
}
