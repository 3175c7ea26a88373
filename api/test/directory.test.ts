// The directory an admin keeps: departments with their lead and manager, users with their roles,
// memberships and passwords, business calendars. Each refusal names the field and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, PASSWORD, problemOf, type Harness } from './harness.js';
import { idleRuntime } from './idle-runtime.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ runtime: idleRuntime() });
});
afterAll(() => h?.close());

const json = async <T>(answer: Response | Promise<Response>, status = 200): Promise<T> => {
  const res = await answer;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
};
type Department = {
  key: string;
  name: string;
  leadUserId: string | null;
  managerUserId: string | null;
  members: string[];
};
type User = {
  id: string;
  email: string;
  name: string;
  roles: string[];
  managerScope: 'every_department' | 'memberships';
  departments: string[];
  active: boolean;
};

const department = async (key: string) =>
  (await json<{ items: Department[] }>(await h.call('agent', 'GET', '/api/departments'))).items.find(
    (d) => d.key === key,
  );
const user = async (id: string) =>
  (await json<{ items: User[] }>(await h.call('agent', 'GET', '/api/users'))).items.find((u) => u.id === id);
/** The refusal's status, code and the fields it names. */
const refusal = async (res: Response) => {
  const p = await problemOf(res);
  return { status: p.status, code: p.code, fields: (p.errors ?? []).map((e) => e.path) };
};

describe('departments', () => {
  it('creates a department with a lead and a manager, and edits its name, lead and manager', async () => {
    const created = await json<Department>(
      await h.call('admin', 'POST', '/api/departments', {
        key: 'billing',
        name: 'Billing',
        leadUserId: h.ids.lead,
        managerUserId: h.ids.manager,
      }),
      201,
    );
    expect(created).toMatchObject({ key: 'billing', leadUserId: h.ids.lead, managerUserId: h.ids.manager });
    expect(created.members).toEqual([h.ids.lead]); // the lead is a member

    const edited = await json<Department>(
      await h.call('admin', 'PATCH', '/api/departments/billing', {
        name: 'Billing and invoices',
        leadUserId: h.ids.otherAgent,
        managerUserId: null,
      }),
    );
    expect(edited).toMatchObject({
      name: 'Billing and invoices',
      leadUserId: h.ids.otherAgent,
      managerUserId: null,
    });
    expect(edited.members).toEqual([h.ids.lead, h.ids.otherAgent].sort());
    // A field left out stays as it is.
    const renamed = await json<Department>(
      await h.call('admin', 'PATCH', '/api/departments/billing', { name: 'Billing' }),
    );
    expect(renamed).toMatchObject({ name: 'Billing', leadUserId: h.ids.otherAgent });
  });

  it('refuses an unknown lead, a manager without the manager role and a taken key, naming the field', async () => {
    const before = await department('support');
    expect(
      await refusal(
        await h.call('admin', 'PATCH', '/api/departments/support', { name: 'X', leadUserId: 'u-nobody' }),
      ),
    ).toEqual({ status: 422, code: 'validation-failed', fields: ['body.leadUserId'] });
    expect(
      await refusal(
        await h.call('admin', 'PATCH', '/api/departments/support', { managerUserId: h.ids.agent }),
      ),
    ).toEqual({ status: 422, code: 'validation-failed', fields: ['body.managerUserId'] });
    expect(await department('support')).toEqual(before);

    expect(
      await refusal(await h.call('admin', 'POST', '/api/departments', { key: 'support', name: 'Again' })),
    ).toEqual({ status: 409, code: 'conflict', fields: ['body.key'] });
    expect(
      await refusal(
        await h.call('admin', 'POST', '/api/departments', {
          key: 'nobodys',
          name: 'Nobody’s',
          leadUserId: 'u-nobody',
        }),
      ),
    ).toEqual({ status: 422, code: 'validation-failed', fields: ['body.leadUserId'] });
    expect(await department('nobodys')).toBeUndefined();
    expect((await h.call('admin', 'PATCH', '/api/departments/nowhere', { name: 'X' })).status).toBe(404);
  });
});

describe('users', () => {
  it('edits a user’s name and roles, and adds and removes department memberships', async () => {
    const created = await json<User>(
      await h.call('admin', 'POST', '/api/users', {
        email: 'mo@example.test',
        name: 'Mo',
        roles: ['agent'],
        departments: ['support'],
      }),
      201,
    );
    const edited = await json<User>(
      await h.call('admin', 'PATCH', `/api/users/${created.id}`, {
        name: 'Mo Ahmed',
        roles: ['agent', 'manager'],
      }),
    );
    expect(edited).toMatchObject({ name: 'Mo Ahmed', roles: ['agent', 'manager'], departments: ['support'] });

    const added = await json<User>(
      await h.call('admin', 'PUT', `/api/users/${created.id}/departments/refunds`),
    );
    expect(added.departments).toEqual(['refunds', 'support']);
    // Adding again is no change.
    expect(
      (await json<User>(await h.call('admin', 'PUT', `/api/users/${created.id}/departments/refunds`)))
        .departments,
    ).toEqual(['refunds', 'support']);
    const removed = await json<User>(
      await h.call('admin', 'DELETE', `/api/users/${created.id}/departments/support`),
    );
    expect(removed.departments).toEqual(['refunds']);
    expect((await department('support'))?.members).not.toContain(created.id);
  });

  it('takes effect on the person’s next request, not after the credentials cache lapses', async () => {
    const me = () => json<{ departments: string[]; roles: string[] }>(h.call('otherAgent', 'GET', '/api/me'));
    const before = await me(); // now cached for a few seconds
    expect(before.departments).not.toContain('faults');
    await json(await h.call('admin', 'PUT', `/api/users/${h.ids.otherAgent}/departments/faults`));
    expect((await me()).departments).toContain('faults');
    await json(
      await h.call('admin', 'PATCH', `/api/users/${h.ids.otherAgent}`, { roles: ['agent', 'developer'] }),
    );
    expect((await me()).roles).toEqual(['agent', 'developer']);
    await json(await h.call('admin', 'PATCH', `/api/users/${h.ids.otherAgent}`, { roles: before.roles }));
    await json(await h.call('admin', 'DELETE', `/api/users/${h.ids.otherAgent}/departments/faults`));
    expect(await me()).toMatchObject({ departments: before.departments, roles: before.roles });
  });

  it('keeps what a manager covers: every department unless the admin says only their memberships', async () => {
    const created = await json<User>(
      await h.call('admin', 'POST', '/api/users', {
        email: 'max@example.test',
        name: 'Max',
        roles: ['manager'],
        departments: ['faults'],
      }),
      201,
    );
    expect(created.managerScope).toBe('every_department');
    const scoped = await json<User>(
      await h.call('admin', 'PATCH', `/api/users/${created.id}`, { managerScope: 'memberships' }),
    );
    expect(scoped).toMatchObject({
      managerScope: 'memberships',
      roles: ['manager'],
      departments: ['faults'],
    });
    expect((await user(created.id))?.managerScope).toBe('memberships');
    const withScope = await json<User>(
      await h.call('admin', 'POST', '/api/users', {
        email: 'mina@example.test',
        name: 'Mina',
        roles: ['agent', 'manager'],
        managerScope: 'memberships',
      }),
      201,
    );
    expect(withScope.managerScope).toBe('memberships');

    for (const answer of [
      h.call('admin', 'PATCH', `/api/users/${created.id}`, { managerScope: 'everything' }),
      h.call('admin', 'POST', '/api/users', {
        email: 'nemo@example.test',
        name: 'Nemo',
        roles: ['manager'],
        managerScope: null,
      }),
    ])
      expect(await refusal(await answer)).toEqual({
        status: 422,
        code: 'validation-failed',
        fields: ['body.managerScope'],
      });
    expect((await user(created.id))?.managerScope).toBe('memberships');
    expect(
      (await h.call('agent', 'PATCH', `/api/users/${created.id}`, { managerScope: 'every_department' }))
        .status,
    ).toBe(403);
  });

  it('refuses what would lock an admin out, a taken e-mail, and leaving a department one leads', async () => {
    const before = await user(h.ids.admin);
    expect(
      await refusal(await h.call('admin', 'PATCH', `/api/users/${h.ids.admin}`, { roles: ['agent'] })),
    ).toEqual({ status: 422, code: 'validation-failed', fields: ['body.roles'] });
    expect(
      await refusal(await h.call('admin', 'PATCH', `/api/users/${h.ids.admin}`, { active: false })),
    ).toEqual({ status: 422, code: 'validation-failed', fields: ['body.active'] });
    expect(await user(h.ids.admin)).toEqual(before);

    expect(
      await refusal(
        await h.call('admin', 'PATCH', `/api/users/${h.ids.agent}`, { email: 'MANAGER@example.test' }),
      ),
    ).toEqual({ status: 409, code: 'conflict', fields: ['body.email'] });
    expect(
      await refusal(
        await h.call('admin', 'POST', '/api/users', {
          email: 'agent@example.test',
          name: 'Dup',
          roles: ['agent'],
        }),
      ),
    ).toEqual({ status: 409, code: 'conflict', fields: ['body.email'] });
    expect(
      await refusal(
        await h.call('admin', 'POST', '/api/users', {
          email: 'lost@example.test',
          name: 'Lost',
          roles: ['agent'],
          departments: ['support', 'atlantis'],
        }),
      ),
    ).toEqual({ status: 422, code: 'validation-failed', fields: ['body.departments.1'] });

    // The lead of support cannot leave it; the manager of a department keeps the manager role.
    expect(
      await refusal(await h.call('admin', 'DELETE', `/api/users/${h.ids.lead}/departments/support`)),
    ).toEqual({ status: 409, code: 'conflict', fields: [] });
    expect((await user(h.ids.lead))?.departments).toContain('support');
    await json(
      await h.call('admin', 'PATCH', '/api/departments/faults', { managerUserId: h.ids.otherManager }),
    );
    expect(
      await refusal(await h.call('admin', 'PATCH', `/api/users/${h.ids.otherManager}`, { roles: ['agent'] })),
    ).toEqual({ status: 422, code: 'validation-failed', fields: ['body.roles'] });

    expect((await h.call('admin', 'PUT', `/api/users/${h.ids.agent}/departments/atlantis`)).status).toBe(404);
    expect((await h.call('admin', 'PATCH', '/api/users/u-nobody', { name: 'X' })).status).toBe(404);
  });

  it('resets a password: the new one signs in, the old one does not, and the user’s sessions end', async () => {
    const login = (password: string) =>
      h.call(null, 'POST', '/api/auth/login', { email: 'developer@example.test', password });
    const signedIn = await login(PASSWORD);
    expect(signedIn.status).toBe(200);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await h.call(null, 'GET', '/api/me', undefined, { cookie })).status).toBe(200);

    expect(
      await refusal(
        await h.call('admin', 'POST', `/api/users/${h.ids.developer}/password`, { password: 'short' }),
      ),
    ).toEqual({ status: 422, code: 'validation-failed', fields: ['body.password'] });
    const reset = await h.call('admin', 'POST', `/api/users/${h.ids.developer}/password`, {
      password: 'a brand new passphrase',
    });
    expect(reset.status).toBe(204);
    // The session rows are gone (the principal cache forgets them within its few seconds).
    const { rows } = await h.t.pool.query('select count(*)::int as n from sessions where user_id = $1', [
      h.ids.developer,
    ]);
    expect(rows[0].n).toBe(0);
    expect((await login(PASSWORD)).status).toBe(401);
    expect((await login('a brand new passphrase')).status).toBe(200);
  });
});

describe('calendars', () => {
  const week = {
    mon: [
      ['09:00', '12:00'],
      ['13:00', '18:00'],
    ],
  };
  it('keeps several opening intervals per day (breaks) and holidays', async () => {
    const saved = await json<{ spec: unknown }>(
      await h.call('admin', 'POST', '/api/calendars', {
        key: 'office',
        name: 'Office',
        spec: { timeZone: 'Asia/Shanghai', week, holidays: ['2026-10-01'] },
      }),
      201,
    );
    expect(saved.spec).toEqual({ timeZone: 'Asia/Shanghai', week, holidays: ['2026-10-01'] });
  });

  it('refuses overlapping intervals, impossible dates and a week without hours the way the engine does, naming the field', async () => {
    const attempt = (key: string, spec: unknown) =>
      h.call('admin', 'POST', '/api/calendars', { key, name: key, spec });
    expect(
      await refusal(
        await attempt('overlap', {
          timeZone: 'UTC',
          week: {
            mon: [
              ['09:00', '13:00'],
              ['12:00', '18:00'],
            ],
          },
        }),
      ),
    ).toEqual({ status: 422, code: 'validation-failed', fields: ['body.spec.week.mon.1'] });
    expect(
      await refusal(
        await attempt('feb30', { timeZone: 'UTC', week, holidays: ['2026-01-01', '2026-02-30'] }),
      ),
    ).toEqual({ status: 422, code: 'validation-failed', fields: ['body.spec.holidays.1'] });
    expect(await refusal(await attempt('closed', { timeZone: 'UTC', week: {} }))).toEqual({
      status: 422,
      code: 'validation-failed',
      fields: ['body.spec.week'],
    });
    const keys = (
      await json<{ items: { key: string }[] }>(await h.call('admin', 'GET', '/api/calendars'))
    ).items.map((c) => c.key);
    expect(keys).not.toEqual(expect.arrayContaining(['overlap']));
    expect(keys.filter((k) => ['overlap', 'feb30', 'closed'].includes(k))).toEqual([]);
  });
});
