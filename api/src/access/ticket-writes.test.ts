// Who is in charge of a ticket (rule 1 of ticket-writes.ts) and what follows for the writes.
import { describe, expect, it } from 'vitest';
import type { Principal } from '../http/env.js';
import { mayCancelTicket, mayRecordMessage, ticketOwners } from './ticket-writes.js';

const open = (department: string | null) => ({ department, closedAt: null });
const closed = (department: string | null) => ({ department, closedAt: '2026-03-16T10:00:00.000Z' });

const person = (
  roles: Principal['roles'],
  departments: string[],
  leads: string[] = [],
  managerScope: Principal['managerScope'] = 'every_department',
): Principal => ({
  id: 'p',
  email: 'p@example.test',
  name: 'P',
  roles,
  departments,
  leads,
  managerScope,
  via: 'token',
});

describe('ticketOwners', () => {
  it('are the departments of the open tasks', () => {
    expect(ticketOwners([closed('support'), open('refunds'), open('faults'), open('refunds')])).toEqual([
      'refunds',
      'faults',
    ]);
  });

  it("are the latest task's department while no task is open (a timer or a message is awaited)", () => {
    expect(ticketOwners([closed('support'), closed('refunds')])).toEqual(['refunds']);
  });

  it('are anyone who sees the ticket when its current task is in no department, or it never had one', () => {
    expect(ticketOwners([closed('support'), open(null)])).toBe('anyone');
    expect(ticketOwners([closed(null)])).toBe('anyone');
    expect(ticketOwners([])).toBe('anyone');
  });
});

describe('writes of a former department', () => {
  const moved = { createdBy: 'p', owners: ticketOwners([closed('support'), open('refunds')]) };

  it('record no customer message and cancel nothing, even the ticket its agent created', () => {
    for (const p of [person(['agent'], ['support']), person(['agent'], ['support'], ['support'])]) {
      expect([mayRecordMessage(p, moved), mayCancelTicket(p, moved)]).toEqual([false, false]);
    }
  });

  it('leave the current department, the customer channel, managers and admins their writes', () => {
    expect(mayRecordMessage(person(['agent'], ['refunds']), moved)).toBe(true);
    expect(mayRecordMessage(person(['agent'], [], ['refunds']), moved)).toBe(true);
    expect(mayRecordMessage(person(['developer'], []), moved)).toBe(true);
    expect(mayCancelTicket(person(['agent'], ['refunds']), moved)).toBe(true); // its creator, now in refunds
    expect(mayCancelTicket(person(['manager'], ['support']), moved)).toBe(true);
    expect(mayCancelTicket(person(['admin'], []), moved)).toBe(true);
    expect(mayCancelTicket(person(['developer'], []), moved)).toBe(false);
  });

  it('leave a manager of their memberships only the tickets their departments are in charge of', () => {
    const ofSupport = person(['manager'], ['support'], [], 'memberships');
    expect([mayRecordMessage(ofSupport, moved), mayCancelTicket(ofSupport, moved)]).toEqual([false, false]);
    const ofRefunds = person(['manager'], ['refunds'], [], 'memberships');
    expect([mayRecordMessage(ofRefunds, moved), mayCancelTicket(ofRefunds, moved)]).toEqual([true, true]);
  });
});
