import { describe, expect, it } from 'vitest';
import type { TicketType } from '../api/types.js';
import { fieldProblems, formFor, formOrder, idempotencyKeys, ticketBody } from './newTicket.js';

const type: TicketType = {
  id: 'call-centre',
  name: 'Call-centre ticket',
  description: '',
  fields: [
    { key: 'callerPhone', label: 'Caller phone', type: 'text', required: true },
    { key: 'refundAmount', label: 'Refund amount', type: 'number' },
    { key: 'channel', label: 'Channel', type: 'select', options: ['phone', 'mail'], required: true },
    { key: 'purchased', label: 'Purchased on', type: 'date' },
    { key: 'contact', label: 'Contact', type: 'email' },
    { key: 'vip', label: 'VIP', type: 'boolean' },
  ],
  defaults: { priority: 'high', category: 'refund', fields: { channel: 'phone' } },
  latestVersion: { id: 'v1', version: 1 },
  hasDraft: false,
  publicForm: { published: false, allowedOrigins: [] },
};

describe('the new-ticket form', () => {
  it("starts from the type's defaults", () => {
    expect(formFor(type)).toMatchObject({
      typeId: 'call-centre',
      priority: 'high',
      category: 'refund',
      fields: { callerPhone: '', refundAmount: '', channel: 'phone', vip: false },
    });
    expect(formFor(undefined)).toMatchObject({ priority: 'medium', category: 'other', fields: {} });
  });

  it('sends typed values and leaves out what is not filled in', () => {
    const form = formFor(type);
    form.title = 'Refund please';
    form.customerEmail = ' carla@example.com ';
    form.fields = { ...form.fields, callerPhone: '+86 10 1234', refundAmount: '12.50', vip: true };
    const body = ticketBody(form, type);
    expect(body).toEqual({
      typeId: 'call-centre',
      title: 'Refund please',
      priority: 'high',
      category: 'refund',
      customer: { email: 'carla@example.com' },
      fields: { callerPhone: '+86 10 1234', refundAmount: 12.5, channel: 'phone', vip: true },
    });
    expect(fieldProblems(body, type)).toEqual({});
  });

  it('names the problems the API would, by the names its field errors use', () => {
    const form = formFor(type);
    form.fields = {
      ...form.fields,
      refundAmount: 'twelve',
      channel: '',
      purchased: '2026-02-30',
      contact: 'nope',
    };
    expect(fieldProblems(ticketBody(form, type), type)).toEqual({
      'fields.callerPhone': 'Caller phone is required',
      'fields.refundAmount': 'Refund amount must be a number',
      'fields.channel': 'Channel is required',
      'fields.purchased': 'Purchased on is not a calendar date',
      'fields.contact': 'Contact must be an e-mail address',
    });
  });

  it('orders the inputs as they are tabbed through', () => {
    expect(formOrder(type).slice(0, 4)).toEqual([
      'typeId',
      'title',
      'fields.callerPhone',
      'fields.refundAmount',
    ]);
    expect(formOrder(type).at(-1)).toBe('customer.email');
  });

  it('keeps one Idempotency-Key per distinct request', () => {
    let n = 0;
    const keyFor = idempotencyKeys(() => `k${++n}`);
    expect([keyFor({ a: 1 }), keyFor({ a: 1 }), keyFor({ a: 2 }), keyFor({ a: 2 })]).toEqual([
      'k1',
      'k1',
      'k2',
      'k2',
    ]);
  });
});
