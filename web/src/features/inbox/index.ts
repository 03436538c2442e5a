/**
 * The inbox: replies, mentions and quotes of every connected account in one place, assigned,
 * answered from the app and timed. The page, its open item (a child route), and the count of
 * unanswered items the navigation shows.
 */
export { InboxPage } from './InboxPage'
export { InboxItemPanel } from './InboxItemPanel'
export { useUnansweredCount } from './inbox-queries'
