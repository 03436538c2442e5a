/** The composer: writing a post once for several networks, and editing it before it goes out. */
export { ComposePage, EditPostPage } from './ComposePage'
