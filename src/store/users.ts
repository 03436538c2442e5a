/** Queries on people's accounts. E-mails are stored normalized (see domain `normalizeEmail`). */
import type { Kysely } from 'kysely'
import type { Database, User, UserUpdate } from './schema.js'

type Db = Kysely<Database>

export async function insertUser(db: Db, user: User): Promise<void> {
  await db.insertInto('users').values(user).execute()
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()
}

export async function updateUser(db: Db, id: string, patch: Omit<UserUpdate, 'id' | 'createdAt'>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute()
}
