/**
 * The daily check-in routine in the inbox: today's check-in card (the block running now or the
 * next one, its messages, people to talk to and what is scheduled) and the editor of its times.
 */
export { CheckInCard } from './CheckInCard'
