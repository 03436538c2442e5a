/** Home: the first page after signing in. */
export { HomePage } from './HomePage'
