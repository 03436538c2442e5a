/**
 * Networks: the connector contract (`connector.ts`), the four shared errors (`errors.ts`) and
 * the registry. Features import this module, never a network's folder.
 */
export * from './connector.js'
export * from './errors.js'
export * from './registry.js'
