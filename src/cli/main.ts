#!/usr/bin/env node
/**
 * The `stagecraft` command: start (server + in-process worker, the default), server, worker,
 * migrate, user create. Configuration comes from the environment (see README); `--help` on each
 * command says what it does.
 */
import { Command, Option } from 'commander'
import { ConfigError, configVariables, loadConfig, type Config } from '../config.js'
import { packageVersion } from '../package-root.js'
import { createUser } from './user.js'
import { runMigrate } from './migrate.js'
import { runServer, runWorker } from './runtime.js'

const environmentHelp =
  '\nConfiguration (environment variables):\n' +
  Object.entries(configVariables)
    .map(([name, text]) => `  ${name.padEnd(20)} ${text}`)
    .join('\n')

function config(): Config {
  try {
    return loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(78) // EX_CONFIG
    }
    throw error
  }
}

const program = new Command()
  .name('stagecraft')
  .description('Stagecraft: a self-hosted social media command centre for small businesses.')
  .version(packageVersion)
  .addHelpText('after', environmentHelp)
  .showHelpAfterError()

program
  .command('start', { isDefault: true })
  .description('Serve the web app and API, and run background jobs in the same process (the embedded default).')
  .addHelpText('after', environmentHelp)
  .action(() => runServer(config(), { worker: true }))

program
  .command('server')
  .description('Serve the web app and API only; jobs run in `stagecraft worker` processes (PostgreSQL).')
  .addHelpText('after', environmentHelp)
  .action(() => runServer(config(), { worker: false }))

program
  .command('worker')
  .description('Run background jobs only, no HTTP. Start as many as the load needs (PostgreSQL).')
  .addHelpText('after', environmentHelp)
  .action(() => runWorker(config()))

program
  .command('migrate')
  .description('Bring the database schema up to date (every start does this too), then exit.')
  .addHelpText('after', environmentHelp)
  .action(() => runMigrate(config()))

const user = program.command('user').description('Manage people’s accounts.')
user
  .command('create')
  .description(
    'Create an account. Before first-run setup, this creates the workspace and its owner ' +
      '(--business-name is then required); afterwards it adds a member to the workspace.',
  )
  .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
  .requiredOption('--name <name>', 'the person’s name')
  .addOption(new Option('--role <role>', 'role in the workspace (default: owner on first run, else editor)').choices(['owner', 'admin', 'editor', 'viewer']))
  .option('--password-stdin', 'read the password from standard input instead of generating one')
  .option('--workspace <id>', 'workspace to join (default: the only or first workspace)')
  .option('--business-name <name>', 'first run only: the business (workspace) name')
  .option('--time-zone <zone>', 'first run only: IANA time zone', Intl.DateTimeFormat().resolvedOptions().timeZone)
  .addOption(new Option('--locale <code>', 'language').choices(['en', 'fr', 'ar', 'he', 'bn']).default('en'))
  .action((options) => createUser(config(), options))

await program.parseAsync(process.argv)
