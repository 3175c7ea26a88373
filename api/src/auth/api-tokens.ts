// Personal API tokens for scripts: listed without their secrets, shown once when created.
import { and, eq, isNull } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { apiTokens } from '@baton/db/schema';
import type { Database } from '../http/env.js';
import { newSecret, sha256 } from './secrets.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export function listApiTokens(db: Database, userId: string): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(apiTokens.createdAt);
}

/** A new token for the user: its row and the secret, which is stored only as a hash. */
export async function createApiToken(db: Database, userId: string, name: string, now: Date) {
  const token = newSecret('bt_');
  const [row] = await db
    .insert(apiTokens)
    .values({ id: randomUUID(), userId, name, tokenHash: sha256(token), createdAt: now })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return { row, token };
}

/** Revokes one of the user's tokens; false when they have no such live token. */
export async function revokeApiToken(db: Database, userId: string, id: string, now: Date): Promise<boolean> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length > 0;
}
