import { describe, expect, it } from 'vitest';
import type { Department, User } from '../api/types.js';
import { matchingUsers, membershipLock, roleLock, ROLES, rolesSummary } from './users.js';

const user = (
  id: string,
  roles: User['roles'],
  departments: string[] = [],
  managerScope: User['managerScope'] = 'every_department',
): User => ({
  id,
  email: `${id}@example.test`,
  name: id,
  roles,
  departments,
  managerScope,
  active: true,
});
const dept = (key: string, leadUserId: string | null, managerUserId: string | null): Department => ({
  key,
  name: key,
  leadUserId,
  managerUserId,
  email: null,
  calendarKey: null,
  members: [],
});

describe('what the users page offers', () => {
  it('lists every role', () => {
    expect(ROLES).toEqual(['admin', 'process_owner', 'agent', 'manager', 'developer']);
  });

  it('says of a manager of their memberships only that they manage their departments', () => {
    expect(rolesSummary(user('mia', ['manager']))).toBe('Manager');
    expect(rolesSummary(user('lena', ['agent', 'manager'], ['support'], 'memberships'))).toBe(
      'Agent, Manager (their departments)',
    );
    expect(rolesSummary(user('sam', ['agent'], ['support'], 'memberships'))).toBe('Agent');
  });

  it('keeps an admin’s own admin role and a department manager’s manager role', () => {
    const ada = user('ada', ['admin', 'agent']);
    const mia = user('mia', ['manager']);
    const departments = [dept('support', null, 'mia'), dept('refunds', null, 'mia')];
    expect(roleLock(ada, 'admin', 'ada', departments)).toMatch(/your own admin role/);
    expect(roleLock(ada, 'admin', 'someone-else', departments)).toBeUndefined();
    expect(roleLock(ada, 'agent', 'ada', departments)).toBeUndefined();
    expect(roleLock(mia, 'manager', 'ada', departments)).toBe(
      'Manages support, refunds: give it another manager first.',
    );
    // A role the user does not have can always be given.
    expect(roleLock(mia, 'admin', 'mia', departments)).toBeUndefined();
  });

  it('keeps a lead in the department they lead', () => {
    const lena = user('lena', ['agent'], ['support', 'refunds']);
    expect(membershipLock(lena, dept('support', 'lena', null))).toMatch(/^Leads support/);
    expect(membershipLock(lena, dept('refunds', 'other', null))).toBeUndefined();
  });

  it('finds users by every word typed, within a department when one is chosen', () => {
    const users = [user('ann', ['agent'], ['support']), user('bob', ['manager'], ['refunds'])];
    expect(matchingUsers(users, 'ann support', undefined).map((u) => u.id)).toEqual(['ann']);
    expect(matchingUsers(users, 'MANAGER', undefined).map((u) => u.id)).toEqual(['bob']);
    expect(matchingUsers(users, '', 'refunds').map((u) => u.id)).toEqual(['bob']);
  });
});
