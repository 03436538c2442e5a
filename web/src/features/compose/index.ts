/** The composer: writing a post once for several networks, and editing it before it goes out. */
export { ComposePage, EditPostPage } from './ComposePage'
/** The live counter by each network's own rule, for other places text is written for a network (inbox answers). */
export { LengthCounter } from './LengthCounter'
