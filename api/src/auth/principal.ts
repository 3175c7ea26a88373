// Resolves a session cookie or bearer token to the calling user, with departments and leads,
// in one round trip (this runs on every request).
import type { Pool } from 'pg';
import type { Principal } from '../http/env.js';

const PRINCIPAL_COLUMNS = `u.id, u.email, u.name, u.roles, u.manager_scope,
  array(select m.department_key from memberships m where m.user_id = u.id order by 1) as departments,
  array(select d.key from departments d where d.lead_user_id = u.id order by 1) as leads`;

type PrincipalRow = Pick<Principal, 'id' | 'email' | 'name' | 'roles' | 'departments' | 'leads'> & {
  manager_scope: Principal['managerScope'];
};

export type SessionPrincipal = Principal & { expiresAt: number };

const toPrincipal = (row: PrincipalRow, via: Principal['via'], sessionHash?: string): Principal => ({
  id: row.id,
  email: row.email,
  name: row.name,
  roles: row.roles,
  departments: row.departments,
  leads: row.leads,
  managerScope: row.manager_scope,
  via,
  ...(sessionHash ? { sessionHash } : {}),
});

export async function principalBySession(
  pool: Pool,
  idHash: string,
  now: Date,
): Promise<SessionPrincipal | undefined> {
  const { rows } = await pool.query<PrincipalRow & { expires_at: Date }>({
    name: 'principal-by-session',
    text: `select s.expires_at, ${PRINCIPAL_COLUMNS} from sessions s join users u on u.id = s.user_id
           where s.id_hash = $1 and s.expires_at > $2 and u.active`,
    values: [idHash, now],
  });
  const row = rows[0];
  return row && { ...toPrincipal(row, 'session', idHash), expiresAt: row.expires_at.getTime() };
}

export async function principalByToken(
  pool: Pool,
  tokenHash: string,
): Promise<(Principal & { tokenId: string }) | undefined> {
  const { rows } = await pool.query<PrincipalRow & { token_id: string }>({
    name: 'principal-by-token',
    text: `select t.id as token_id, ${PRINCIPAL_COLUMNS} from api_tokens t join users u on u.id = t.user_id
           where t.token_hash = $1 and t.revoked_at is null and u.active`,
    values: [tokenHash],
  });
  const row = rows[0];
  return row && { ...toPrincipal(row, 'token'), tokenId: row.token_id };
}

export async function principalById(pool: Pool, userId: string): Promise<Principal | undefined> {
  const { rows } = await pool.query<PrincipalRow>(
    `select ${PRINCIPAL_COLUMNS} from users u where u.id = $1 and u.active`,
    [userId],
  );
  return rows[0] && toPrincipal(rows[0], 'session');
}
