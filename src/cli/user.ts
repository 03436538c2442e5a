/** `stagecraft user create`: headless first-run setup, or adding a member from the shell. */
import { createMemberAccount, isSetupNeeded, setupWorkspace, type AccountsContext } from '../accounts/index.js'
import type { Config } from '../config.js'
import { AppError, isLocale, isRole, isTimeZone, passwordRules } from '../domain/index.js'
import { translator } from '../i18n/index.js'
import { randomToken } from '../security/index.js'
import { listWorkspaces, migrateToLatest, openStore } from '../store/index.js'

export interface CreateUserOptions {
  email: string
  name: string
  role?: string
  passwordStdin?: boolean
  workspace?: string
  businessName?: string
  timeZone: string
  locale: string
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

export async function createUser(config: Config, options: CreateUserOptions): Promise<void> {
  if (!isLocale(options.locale)) fail(`--locale must be en, fr, ar, he or bn`)
  const password = options.passwordStdin ? await readStdin() : randomToken(15)
  if (password.length < passwordRules.minLength) fail(`The password must have at least ${passwordRules.minLength} characters.`)
  const store = await openStore(config.database)
  try {
    await migrateToLatest(store)
    const ctx: AccountsContext = { db: store.db, now: Date.now, publicUrl: config.publicUrl }
    const base = { email: options.email, name: options.name, password, locale: options.locale }
    const firstRun = await isSetupNeeded(ctx)
    const role = options.role ?? (firstRun ? 'owner' : 'editor')
    if (!isRole(role)) fail('--role must be owner, admin, editor or viewer')
    if (firstRun) {
      if (!options.businessName) fail('Stagecraft is not set up yet: give --business-name to create the workspace and its owner.')
      if (!isTimeZone(options.timeZone)) fail(`--time-zone "${options.timeZone}" is not an IANA time zone (e.g. Europe/Paris).`)
      if (role !== 'owner') fail('The first account is the owner: use --role owner (or leave --role out).')
      await setupWorkspace(ctx, { ...base, businessName: options.businessName, timeZone: options.timeZone })
      console.log(`Created the workspace "${options.businessName}" and its owner ${options.email}.`)
    } else {
      const workspaces = await listWorkspaces(store.db)
      const workspace = options.workspace ? workspaces.find((w) => w.id === options.workspace) : workspaces[0]
      if (!workspace) fail(`No workspace ${options.workspace ?? ''} found.`)
      await createMemberAccount(ctx, { ...base, workspaceId: workspace.id, role })
      console.log(`Added ${options.email} to "${workspace.name}" as ${role}.`)
    }
    if (!options.passwordStdin) console.log(`Password (shown once): ${password}`)
  } catch (error) {
    if (error instanceof AppError) fail(translator('en')(`errors.${error.messageKey}`, error.params))
    throw error
  } finally {
    await store.close()
  }
}
