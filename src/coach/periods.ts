/** The periods the coach reads activity over. */
export const dayMs = 24 * 60 * 60 * 1000
export const weekMs = 7 * dayMs
