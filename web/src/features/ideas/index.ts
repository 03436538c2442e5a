/** Ideas: drafts from the workspace's blog feeds, waiting to be reviewed and scheduled. */
export { IdeasPage } from './IdeasPage'
