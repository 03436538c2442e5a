/**
 * The coach as an owner meets it, in real headless Chromium against a real server: first-run
 * setup → the Home card invites to the assessment → the questionnaire answered in French → the
 * stage and its evidence in French → a next step opens the feature that does it → the plan built
 * in Hebrew (right to left) through the seven steps → the living plan page → the PDF export,
 * whose text holds the plan's goal → the handle check. Screenshots in French and Hebrew.
 */
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { questionnaire } from '../../src/domain/index.js'
import { createMastodonConnector } from '../../src/networks/mastodon/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { startMastodonPeer, type MastodonPeer } from '../peers/mastodon/index.js'
import { launchBrowser, screenshot, startLiveServer, type LiveServer } from '../helpers/browser.js'
import { pdfText } from '../helpers/pdf.js'

/** Only inside page.evaluate callbacks, which run in the browser (the tests' own types have no DOM). */
declare const document: { documentElement: { dir: string; lang: string } }

const owner = { business: 'Boulangerie Lune', name: 'Amira Haddad', email: 'amira@lune.example', password: 'correct horse battery staple' }
const goalText = 'שלושה פוסטים בשבוע עד הקיץ'

let server: LiveServer
let browser: Browser
let mastodon: MastodonPeer

beforeAll(async () => {
  mastodon = await startMastodonPeer()
  server = await startLiveServer({ networks: createRegistry([createMastodonConnector({ createRestAPIClient, createOAuthAPIClient })]) })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await mastodon?.close()
})

async function switchLanguage(page: Page, code: string): Promise<void> {
  await page.getByTestId('language-switcher').click()
  await page.getByTestId(`lang-option-${code}`).click()
  await page.waitForFunction((lang) => document.documentElement.lang === lang, code)
  await page.getByTestId(`lang-option-${code}`).waitFor({ state: 'hidden' })
}

/** A screenshot without the success notices that may still cover part of the page. */
async function shot(page: Page, name: string): Promise<void> {
  const closeButtons = page.getByTestId('notices').getByRole('button')
  while ((await closeButtons.count()) > 0) await closeButtons.first().click()
  await screenshot(page, name)
}

/** Picks the first option of a Mantine select. */
async function pickFirst(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.getByRole('option').first().click()
}

describe('the coach from the browser', () => {
  it('assesses in French, opens a next step, builds a plan in Hebrew and exports it as a PDF', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))

    await page.goto(server.url)
    await page.waitForURL('**/setup')
    await page.getByTestId('setup-business-name').fill(owner.business)
    await page.getByTestId('setup-name').fill(owner.name)
    await page.getByTestId('setup-email').fill(owner.email)
    await page.getByTestId('setup-password').fill(owner.password)
    await page.getByTestId('setup-submit').click()
    await page.getByTestId('home-greeting').waitFor()
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'fr') await switchLanguage(page, 'fr')

    // Home invites to the assessment; the coach page starts with the questionnaire.
    await page.getByTestId('home-stage-start').click()
    await page.getByTestId('questionnaire-page').waitFor()
    // Answers of a business that tries but posts when it remembers (stage 2).
    for (const question of questionnaire) {
      const option = question.options.find((o) => o.stage === 2) ?? question.options.find((o) => o.stage === 1)!
      await page.getByTestId(`answer-${question.id}-${option.id}`).click()
    }
    await shot(page, 'coach-questionnaire-fr')
    await page.getByTestId('questionnaire-save').click()

    // The stage and its evidence, in French.
    await page.getByTestId('coach-page').waitFor()
    await page.getByTestId('current-stage').waitFor()
    expect(await page.getByTestId('current-stage').getAttribute('data-stage')).toBe('2')
    expect(await page.getByTestId('current-stage-name').textContent()).toMatch(/Bon, j[’']essaie/)
    const evidence = await page.getByTestId('coach-evidence').textContent()
    expect(evidence).toMatch(/réponses|répondu/i)
    expect(await page.getByTestId('stage-rung-2').getAttribute('aria-current')).toBe('step')
    await page.getByTestId('next-steps').waitFor()
    await shot(page, 'coach-stage-fr')

    // A next step opens the feature that does it.
    const step = page.getByTestId('next-steps').getByTestId('step-open').first()
    const href = await step.getAttribute('href')
    expect(href).toMatch(/^\/(listen|coach\/handles|compose|settings\/accounts|settings\/publishing|ideas|coach\/plan|coach\/results|settings\/team)/)
    await step.click()
    await page.waitForURL(`**${href}`)

    // The plan, in Hebrew: right to left, seven steps, saved and shown live.
    await switchLanguage(page, 'he')
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    await page.getByTestId('nav-plan').click()
    await page.getByTestId('plan-empty').waitFor()
    await shot(page, 'coach-plan-empty-he')
    await page.getByTestId('plan-build').click()
    await page.getByTestId('plan-builder').waitFor()
    await pickFirst(page, 'plan-goal-0-area')
    await page.getByTestId('plan-goal-0-text').fill(goalText)
    await pickFirst(page, 'plan-goal-0-metric')
    await page.getByTestId('plan-goal-0-target').fill('3')
    await page.getByTestId('plan-goal-0-due').fill('2027-06-30')
    await page.getByTestId('plan-limits').fill('הרשתות לא יחליפו את חלון הראווה שלנו')
    await shot(page, 'coach-plan-builder-he')
    for (let n = 0; n < 5; n++) await page.getByTestId('plan-next').click()
    await page.getByTestId('plan-hours').fill('4')
    await page.getByTestId('plan-next').click()
    await page.getByTestId('plan-save').click()
    await page.getByTestId('plan-page').waitFor().catch(async (error: unknown) => {
      await shot(page, 'coach-plan-save-failed')
      throw error
    })
    await page.getByTestId('plan-view-goals').getByText(goalText).waitFor()
    expect(await page.getByTestId('plan-goal-view-0-status').count()).toBe(1)
    await shot(page, 'coach-plan-he')

    // The PDF export, in Hebrew, holds the goal.
    const pdfHref = await page.getByTestId('plan-pdf').getAttribute('href')
    expect(pdfHref).toBe('/api/coach/plan/pdf')
    const pdf = await page.request.get(`${server.url}${pdfHref}`)
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    const text = await pdfText(await pdf.body())
    expect(text).toContain(goalText)
    expect(text).toContain('יעדים')

    // The handle check, asked on the Mastodon instance the workspace is connected to (the contract
    // server written from Mastodon's API reference), where the bakery's name is already taken.
    const bakery = mastodon.createAccountWithToken('lune')
    await page.goto(`${server.url}/settings/accounts`)
    await page.getByTestId('connect-tab-mastodon').click()
    await page.getByTestId('mastodon-server').fill(mastodon.url)
    await page.getByTestId('mastodon-use-token').click()
    await page.getByTestId('mastodon-token').fill(bakery.accessToken)
    await page.getByTestId('mastodon-connect-token').click()
    await page.getByTestId('accounts-list').getByText(bakery.account.username).first().waitFor()
    await page.goto(`${server.url}/coach/handles`)
    await page.getByTestId('handles-page').waitFor()
    await page.getByTestId('handles-name').fill(bakery.account.username)
    await page.getByTestId('handles-check').click()
    await page.getByTestId('handle-row-mastodon').getByTestId('handle-status-taken').waitFor()
    await page.getByTestId('handles-name').fill('lune_fournil')
    await page.getByTestId('handles-check').click()
    await page.getByTestId('handle-row-mastodon').getByTestId('handle-status-available').waitFor()
    await page.getByTestId('handle-reserved-mastodon').click()
    await page.getByTestId('handles-reserved-count').waitFor()
    await shot(page, 'coach-handles-he')

    // Stage 6: a results page for other owners, published and read without signing in, in Arabic.
    await page.goto(`${server.url}/coach/results`)
    await page.getByTestId('results-form').waitFor()
    await page.getByTestId('results-story').fill('توقفنا عن النشر الآلي وبدأنا نتحدث مع الناس.')
    await page.getByTestId('results-published').click()
    await page.getByTestId('results-save').click()
    const publicUrl = await page.getByTestId('results-url').inputValue()
    expect(publicUrl).toContain('/shared/results/')
    const visitor = await browser.newContext({ locale: 'ar', viewport: { width: 1000, height: 900 } })
    const visitorPage = await visitor.newPage()
    await visitorPage.goto(publicUrl)
    await visitorPage.getByTestId('shared-results').waitFor()
    expect(await visitorPage.evaluate(() => document.documentElement.dir)).toBe('rtl')
    expect(await visitorPage.getByTestId('shared-results-story').textContent()).toContain('توقفنا عن النشر الآلي')
    await screenshot(visitorPage, 'coach-shared-results-ar')
    await visitor.close()

    // The value check in the composer: gentle hints while typing, never a block.
    await page.getByTestId('nav-compose').click()
    await page.getByTestId('compose-text').fill('GRANDE PROMO AUJOURD HUI SEULEMENT #pain #promo #soldes #paris')
    await page.getByTestId('value-hints').waitFor()
    await page.getByTestId('value-hint-all_caps').waitFor()
    await shot(page, 'coach-value-hints-he')

    expect(pageErrors).toEqual([])
    await context.close()
  })
})
