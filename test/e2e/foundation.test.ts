/**
 * The foundation as a new user meets it, in real headless Chromium against a real server:
 * first-run setup → log out → log in → switch to Arabic (right to left) → other languages →
 * back to English. Screenshots of the home page in each language go to test-output/.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findUserByEmail } from '../../src/store/index.js'
import { launchBrowser, newPage, screenshot, startLiveServer, type LiveServer } from '../helpers/browser.js'

/** Only inside page.evaluate callbacks, which run in the browser (the tests' own types have no DOM). */
declare const document: { documentElement: { dir: string; lang: string } }

const owner = { business: 'Café Lune', name: 'Amira Haddad', email: 'amira@cafe-lune.example', password: 'correct horse battery staple' }

const scripts = {
  ar: /[\u0600-\u06FF]/,
  he: /[\u0590-\u05FF]/,
  bn: /[\u0980-\u09FF]/,
}

let server: LiveServer
let browser: Browser

beforeAll(async () => {
  server = await startLiveServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function documentDirection(page: Page): Promise<{ dir: string; lang: string }> {
  return page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }))
}

async function switchLanguage(page: Page, code: string): Promise<void> {
  await page.getByTestId('language-switcher').click()
  await page.getByTestId(`lang-option-${code}`).click()
  await page.waitForFunction((lang) => document.documentElement.lang === lang, code)
  // Let the menu finish closing so screenshots show the page, not a fading menu.
  await page.getByTestId(`lang-option-${code}`).waitFor({ state: 'hidden' })
}

async function greeting(page: Page): Promise<string> {
  const heading = page.getByTestId('home-greeting')
  await heading.waitFor()
  return (await heading.textContent()) ?? ''
}

describe('first run, sign in and out, five languages', () => {
  it('works end to end, right to left included', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-US' })
    const consoleErrors: string[] = []
    page.on('pageerror', (error) => consoleErrors.push(error.message))

    // First visit: the first-run screen creates the owner and the workspace.
    await page.goto(server.url)
    await page.waitForURL('**/setup')
    await page.getByTestId('setup-business-name').fill(owner.business)
    await page.getByTestId('setup-name').fill(owner.name)
    await page.getByTestId('setup-email').fill(owner.email)
    await page.getByTestId('setup-password').fill(owner.password)
    await page.getByTestId('setup-submit').click()
    expect(await greeting(page)).toContain(owner.name)
    expect(new URL(page.url()).pathname).toBe('/')

    // Log out, then log in again.
    await page.getByTestId('user-menu').click()
    await page.getByTestId('logout').click()
    await page.waitForURL('**/login')
    await page.getByTestId('login-email').fill(owner.email)
    await page.getByTestId('login-password').fill('not the password')
    await page.getByTestId('login-submit').click()
    await page.getByText("That e-mail address and password don't match an account.").waitFor()
    await page.getByTestId('login-password').fill(owner.password)
    await page.getByTestId('login-submit').click()
    expect(await greeting(page)).toContain(owner.name)
    expect(await documentDirection(page)).toEqual({ dir: 'ltr', lang: 'en' })
    await screenshot(page, 'home-en')

    // Arabic: the whole layout flips right to left, the text is Arabic, navigation is mirrored.
    await switchLanguage(page, 'ar')
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' })
    expect(await greeting(page)).toMatch(scripts.ar)
    const nav = await page.getByTestId('nav-home').boundingBox()
    const main = await page.getByTestId('home-greeting').boundingBox()
    expect(nav!.x).toBeGreaterThan(main!.x + main!.width / 2)
    await screenshot(page, 'home-ar')

    for (const code of ['he', 'fr'] as const) {
      await switchLanguage(page, code)
      expect((await documentDirection(page)).dir).toBe(code === 'he' ? 'rtl' : 'ltr')
      if (code === 'he') expect(await greeting(page)).toMatch(scripts.he)
      await screenshot(page, `home-${code}`)
    }

    // Bengali, left to right again.
    await switchLanguage(page, 'bn')
    expect(await documentDirection(page)).toEqual({ dir: 'ltr', lang: 'bn' })
    expect(await greeting(page)).toMatch(scripts.bn)
    const navAfter = await page.getByTestId('nav-home').boundingBox()
    expect(navAfter!.x).toBeLessThan(200)
    await screenshot(page, 'home-bn')

    // The language is remembered for the person: a fresh browser that signs in gets Bengali.
    const saved = await findUserByEmail(server.t.store.db, owner.email)
    expect(saved?.locale).toBe('bn')
    const fresh = await newPage(browser, { locale: 'en-US' })
    await fresh.page.goto(`${server.url}/login`)
    await fresh.page.getByTestId('login-email').fill(owner.email)
    await fresh.page.getByTestId('login-password').fill(owner.password)
    await fresh.page.getByTestId('login-submit').click()
    expect(await greeting(fresh.page)).toMatch(scripts.bn)
    expect((await documentDirection(fresh.page)).lang).toBe('bn')
    await fresh.context.close()

    // And back to English.
    await switchLanguage(page, 'en')
    expect(await documentDirection(page)).toEqual({ dir: 'ltr', lang: 'en' })
    expect(await greeting(page)).toContain(owner.name)
    expect(consoleErrors).toEqual([])
    await context.close()
  })

  it('invites a teammate who joins in Hebrew and sees the workspace read-only as an editor', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-US' })
    await page.goto(`${server.url}/login`)
    await page.getByTestId('login-email').fill(owner.email)
    await page.getByTestId('login-password').fill(owner.password)
    await page.getByTestId('login-submit').click()
    await greeting(page)
    await page.goto(`${server.url}/settings/team`)
    await page.getByTestId('invite-create').click()
    const link = await page.getByTestId('invite-link').inputValue()
    expect(link).toMatch(new RegExp(`^${server.url}/invite/[A-Za-z0-9_-]{43}$`))

    const guest = await newPage(browser, { locale: 'he-IL' })
    await guest.page.goto(link)
    await guest.page.getByTestId('invite-name').fill('נועה לוי')
    await guest.page.getByTestId('invite-email').fill('noa@example.com')
    await guest.page.getByTestId('invite-password').fill('a long enough password')
    await guest.page.getByTestId('invite-submit').click()
    expect(await greeting(guest.page)).toContain('נועה')
    expect(await documentDirection(guest.page)).toEqual({ dir: 'rtl', lang: 'he' })
    await guest.page.goto(`${server.url}/settings/workspace`)
    await guest.page.getByTestId('workspace-read-only').waitFor()
    await screenshot(guest.page, 'settings-workspace-he-editor')
    await guest.context.close()
    await context.close()
  })
})
