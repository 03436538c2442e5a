// Lint: TypeScript rules everywhere, the architecture's import boundaries, and in the web app
// no literal string rendered in a component (every visible string comes from the catalogs).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import i18next from 'eslint-plugin-i18next'
import globals from 'globals'

const features = ['accounts', 'publish', 'engage', 'listen', 'measure', 'coach']

/** A feature may use another feature only through its index.ts. */
const featureInternals = features.map((f) => ({
  group: [`**/${f}/*`, `!**/${f}/index.js`],
  message: `Import the ${f} feature through its index.ts, not its internals.`,
}))

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-output/**', 'bench/output/**', '.ci/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  // src/domain: pure rules; imports nothing of ours and no I/O.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*', '!./*'], message: 'src/domain imports nothing of ours.' },
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'net'], message: 'src/domain does no I/O.' },
          ],
        },
      ],
    },
  },
  // Lower layers never reach up into features, the server or the CLI.
  {
    files: ['src/store/**/*.ts', 'src/jobs/**/*.ts', 'src/networks/**/*.ts', 'src/security/**/*.ts', 'src/i18n/**/*.ts', 'src/feeds/**/*.ts', 'src/pdf/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...features.map((f) => `**/${f}/**`), '**/server/**', '**/cli/**', '**/web/**'],
              message: 'Lower layers (store, jobs, networks, security, i18n, feeds, pdf) never import features, server or CLI.',
            },
          ],
        },
      ],
    },
  },
  // Features: other features only through their index.ts; never the server or the CLI.
  ...features.map((feature) => ({
    files: [`src/${feature}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...featureInternals.filter((p) => !p.group[0].includes(`/${feature}/`)),
            { group: ['**/server/**', '**/cli/**', '**/web/**'], message: 'Features never import the server, CLI or web app.' },
          ],
        },
      ],
    },
  })),
  // The server and CLI are thin: features only through their index.ts.
  {
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...featureInternals, { group: ['**/web/**'], message: 'The server never imports web code.' }] }],
    },
  },
  // The web app: React rules, browser globals, never server code, no literal strings in JSX.
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/*', '!./**'], message: 'The web app learns from the API, never by importing server code.' }] },
      ],
    },
  },
  {
    files: ['web/src/**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            exclude: [
              'className', 'style', 'type', 'key', 'id', 'width', 'height', 'href', 'to', 'src', 'name',
              'autoComplete', 'inputMode', 'dir', 'lang', 'role', 'target', 'rel', 'data-testid', 'htmlFor',
              'c', 'color', 'bg', 'ff', 'fw', 'fz', 'ta', 'tt', 'td', 'w', 'h', 'maw', 'miw', 'mah', 'mih',
              'size', 'radius', 'gap', 'align', 'justify', 'wrap', 'direction', 'variant', 'position',
              'p', 'px', 'py', 'pt', 'pb', 'ps', 'pe', 'm', 'mx', 'my', 'mt', 'mb', 'ms', 'me', 'shadow', 'order',
              'component', 'value', 'defaultValue', 'accept', 'pattern', 'method', 'form', 'icon', 'lh',
            ],
          },
        },
      ],
    },
  },
)
