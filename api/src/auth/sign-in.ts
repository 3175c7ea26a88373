// Password sign-in: checks the credentials and opens a session; sign-out closes it.
import { and, eq, sql } from 'drizzle-orm';
import { hashPassword, needsRehash, verifyPassword, type ScryptCost } from '@baton/db';
import { sessions, users } from '@baton/db/schema';
import type { Database } from '../http/env.js';
import { ApiError } from '../http/problem.js';
import { newSecret, sha256 } from './secrets.js';

export type PasswordCheck = (email: string, password: string) => Promise<string>;

/**
 * The id of the active user with this email and password, or 401. An unknown email is compared
 * against a real hash too, so the answer's timing does not reveal which accounts exist. A right
 * password whose stored hash used weaker parameters than `cost` is hashed again at `cost`.
 */
export function passwordCheck(db: Database, cost: ScryptCost): PasswordCheck {
  const decoyHash = hashPassword(newSecret(), cost);
  return async (email, password) => {
    const [user] = await db
      .select({ id: users.id, passwordHash: users.passwordHash })
      .from(users)
      .where(and(sql`lower(${users.email}) = lower(${email})`, eq(users.active, true)));
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
    if (!user?.passwordHash || !ok) throw new ApiError('unauthenticated', 'email or password is wrong');
    if (needsRehash(user.passwordHash, cost)) {
      // Only over the hash just checked: a password changed meanwhile is not overwritten.
      await db
        .update(users)
        .set({ passwordHash: await hashPassword(password, cost) })
        .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
    }
    return user.id;
  };
}

/** Opens a session for the user; answers the secret for the cookie (only its hash is stored). */
export async function startSession(
  db: Database,
  userId: string,
  now: number,
  ttlMs: number,
): Promise<string> {
  const secret = newSecret();
  await db.insert(sessions).values({
    idHash: sha256(secret),
    userId,
    createdAt: new Date(now),
    expiresAt: new Date(now + ttlMs),
  });
  return secret;
}

export async function endSession(db: Database, sessionHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sessionHash));
}
