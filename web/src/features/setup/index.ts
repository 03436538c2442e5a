/** First-run setup: the page that creates the owner and the workspace. */
export { SetupPage } from './SetupPage'
