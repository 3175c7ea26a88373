import { describe, expect, it } from 'vitest';
import type { Health, Me } from './api/types.js';
import { durabilityNotice, SHORT_NOT_DURABLE } from './durability.js';

const health = (durable: boolean): Health => ({
  status: 'ok',
  database: { mode: 'embedded', ok: true },
  engine: {
    mode: durable ? 'temporal' : 'in-memory',
    durable,
    warning: durable ? null : 'NOT DURABLE. Set TEMPORAL_ADDRESS for durable tickets.',
  },
});
const person = (...roles: Me['roles']): Me => ({
  id: 'u',
  email: 'u@example.test',
  name: 'U',
  roles,
  departments: [],
  leads: [],
});

describe('durabilityNotice', () => {
  it('says nothing on a durable engine or unknown health', () => {
    expect(durabilityNotice(health(true), person('admin'))).toBeNull();
    expect(durabilityNotice(null, person('admin'))).toBeNull();
  });

  it('gives admins the server’s warning and everyone else, signed in or not, the short notice', () => {
    expect(durabilityNotice(health(false), person('admin'))).toEqual({
      text: 'NOT DURABLE. Set TEMPORAL_ADDRESS for durable tickets.',
      detailed: true,
    });
    for (const user of [person('agent'), person('manager', 'developer'), null])
      expect(durabilityNotice(health(false), user)).toEqual({ text: SHORT_NOT_DURABLE, detailed: false });
    expect(SHORT_NOT_DURABLE).not.toMatch(/TEMPORAL|BATON_/);
  });
});
