import { describe, expect, it } from 'vitest'
import { canAssignRole, canManageMember, can, permissions, roles, type Permission, type Role } from './roles.js'
import { directionOf, negotiateLocale } from './locales.js'
import { isTimeZone } from './time-zones.js'
import { normalizeEmail } from './accounts.js'

/** The policy, written out by hand: a change to the rules must change this table too. */
const policy: Record<Permission, Role[]> = {
  'workspace.read': ['owner', 'admin', 'editor', 'viewer'],
  'workspace.update': ['owner', 'admin'],
  'members.read': ['owner', 'admin', 'editor', 'viewer'],
  'members.manage': ['owner', 'admin'],
  'invites.manage': ['owner', 'admin'],
  'apiKeys.manage': ['owner', 'admin'],
  'accounts.read': ['owner', 'admin', 'editor', 'viewer'],
  'accounts.manage': ['owner', 'admin'],
  'posts.read': ['owner', 'admin', 'editor', 'viewer'],
  'posts.write': ['owner', 'admin', 'editor'],
  'posts.approve': ['owner', 'admin'],
  'publishing.configure': ['owner', 'admin'],
  'listen.read': ['owner', 'admin', 'editor', 'viewer'],
  'listen.write': ['owner', 'admin', 'editor'],
  'listen.configure': ['owner', 'admin'],
  'coach.read': ['owner', 'admin', 'editor', 'viewer'],
  'coach.use': ['owner', 'admin', 'editor'],
  'coach.plan': ['owner', 'admin'],
  'measure.read': ['owner', 'admin', 'editor', 'viewer'],
  'measure.write': ['owner', 'admin', 'editor'],
  'measure.configure': ['owner', 'admin'],
  'inbox.read': ['owner', 'admin', 'editor', 'viewer'],
  'inbox.use': ['owner', 'admin', 'editor'],
  'inbox.configure': ['owner', 'admin'],
}

describe('roles', () => {
  it('grants each permission to exactly the roles of the policy', () => {
    expect(Object.keys(policy).sort()).toEqual([...permissions].sort())
    for (const permission of permissions) {
      expect(roles.filter((r) => can(r, permission)), permission).toEqual(policy[permission])
    }
  })

  it('lets owners give any role and others only roles below their own', () => {
    expect(roles.filter((r) => canAssignRole('owner', r))).toEqual(['owner', 'admin', 'editor', 'viewer'])
    expect(roles.filter((r) => canAssignRole('admin', r))).toEqual(['editor', 'viewer'])
    expect(roles.filter((r) => canAssignRole('editor', r))).toEqual(['viewer'])
    expect(roles.filter((r) => canAssignRole('viewer', r))).toEqual([])
  })

  it('lets owners manage anyone and admins only editors and viewers', () => {
    expect(roles.filter((r) => canManageMember('owner', r))).toEqual(['owner', 'admin', 'editor', 'viewer'])
    expect(roles.filter((r) => canManageMember('admin', r))).toEqual(['editor', 'viewer'])
    expect(canManageMember('admin', 'admin')).toBe(false)
  })
})

describe('locales', () => {
  it('writes Arabic and Hebrew right to left, the others left to right', () => {
    expect(['en', 'fr', 'ar', 'he', 'bn'].map((l) => directionOf(l as 'en'))).toEqual(['ltr', 'ltr', 'rtl', 'rtl', 'ltr'])
  })

  it.each([
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE,de;q=0.9,ar;q=0.5,en;q=0.4', 'ar'],
    ['en;q=0.2, bn-BD', 'bn'],
    ['iw', 'he'],
    ['HE-il', 'he'],
    ['de, ja', undefined],
    ['', undefined],
    ['fr;q=0, en;q=0.1', 'en'],
  ])('negotiates %j to %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected)
  })
})

describe('time zones and e-mails', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true)
    expect(isTimeZone('Asia/Dhaka')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(isTimeZone('')).toBe(false)
  })

  it('compares e-mails without case or surrounding space', () => {
    expect(normalizeEmail('  Amira@Cafe-Lune.EXAMPLE ')).toBe('amira@cafe-lune.example')
  })
})
