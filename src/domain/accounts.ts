/** Rules for people's accounts: what a usable e-mail, name and password look like. */

export const passwordRules = { minLength: 10, maxLength: 256 } as const
export const nameRules = { maxLength: 100 } as const

/** E-mail addresses are compared without case and surrounding space. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}
