// What a first start of Baton holds: a small help desk as DOMAIN.md describes it. Dev passwords are
// documented in the README; change them (or delete the users) before real use.
import type { CalendarSpec, TimingRule } from '@baton/engine';
import type { FieldDefinition, ManagerScope, Role, TicketTypeDefaults } from '../schema.js';
import calendars from './calendars.json' with { type: 'json' };

export type SeedUser = {
  email: string;
  name: string;
  roles: Role[];
  /** For managers: every department, or their memberships' (the column's default when left out). */
  managerScope?: ManagerScope;
  password: string;
  departments: string[];
};

export type SeedDepartment = { key: string; name: string; email: string; leadEmail: string };

export const DEV_PASSWORDS = {
  admin: 'baton-admin',
  processOwner: 'baton-owner',
  manager: 'baton-manager',
  developer: 'baton-dev',
  agent: 'baton-agent',
} as const;

export const SEED_DEPARTMENTS: SeedDepartment[] = [
  {
    key: 'support',
    name: 'Customer service (front line)',
    email: 'support@baton.local',
    leadEmail: 'support.lead@baton.local',
  },
  { key: 'refunds', name: 'Refunds', email: 'refunds@baton.local', leadEmail: 'refunds.lead@baton.local' },
  {
    key: 'faults',
    name: 'Fault handling',
    email: 'faults@baton.local',
    leadEmail: 'faults.lead@baton.local',
  },
  {
    key: 'after-sales',
    name: 'After-sales',
    email: 'after-sales@baton.local',
    leadEmail: 'aftersales.lead@baton.local',
  },
  {
    key: 'callback',
    name: 'Call-back team',
    email: 'callback@baton.local',
    leadEmail: 'callback.lead@baton.local',
  },
  {
    key: 'product',
    name: 'Product specialists',
    email: 'product@baton.local',
    leadEmail: 'product.lead@baton.local',
  },
  {
    key: 'product-managers',
    name: 'Product managers',
    email: 'product-managers@baton.local',
    leadEmail: 'head.of.product@baton.local',
  },
];

/** A department's lead manages that department only: its tickets, its figures, its extension requests. */
const lead = (email: string, name: string, department: string): SeedUser => ({
  email,
  name,
  roles: ['agent', 'manager'],
  managerScope: 'memberships',
  password: DEV_PASSWORDS.agent,
  departments: [department],
});
const agent = (email: string, name: string, department: string): SeedUser => ({
  email,
  name,
  roles: ['agent'],
  password: DEV_PASSWORDS.agent,
  departments: [department],
});

export const SEED_USERS: SeedUser[] = [
  {
    email: 'admin@baton.local',
    name: 'Ada Admin',
    roles: ['admin'],
    password: DEV_PASSWORDS.admin,
    departments: [],
  },
  {
    email: 'owner@baton.local',
    name: 'Otto Owner',
    roles: ['process_owner'],
    password: DEV_PASSWORDS.processOwner,
    departments: [],
  },
  {
    email: 'manager@baton.local',
    name: 'Mia Manager',
    roles: ['manager'],
    managerScope: 'every_department',
    password: DEV_PASSWORDS.manager,
    departments: [],
  },
  {
    email: 'dev@baton.local',
    name: 'Dev Eloper',
    roles: ['developer'],
    password: DEV_PASSWORDS.developer,
    departments: [],
  },
  lead('support.lead@baton.local', 'Lena Wu', 'support'),
  agent('support.agent1@baton.local', 'Sam Li', 'support'),
  agent('support.agent2@baton.local', 'Sofia Gomez', 'support'),
  lead('refunds.lead@baton.local', 'Ravi Patel', 'refunds'),
  agent('refunds.agent@baton.local', 'Rosa Kim', 'refunds'),
  lead('faults.lead@baton.local', 'Fatima Zhou', 'faults'),
  agent('faults.agent@baton.local', 'Felix Wang', 'faults'),
  lead('aftersales.lead@baton.local', 'Arne Berg', 'after-sales'),
  agent('aftersales.agent@baton.local', 'Anna Novak', 'after-sales'),
  lead('callback.lead@baton.local', 'Chloe Martin', 'callback'),
  agent('callback.agent@baton.local', 'Carl Jensen', 'callback'),
  lead('product.lead@baton.local', 'Paolo Rossi', 'product'),
  agent('product.specialist@baton.local', 'Priya Singh', 'product'),
  lead('head.of.product@baton.local', 'Mei Chen', 'product-managers'),
  agent('pm.payments@baton.local', 'Max Mueller', 'product-managers'),
  agent('pm.mobile@baton.local', 'Nora Sato', 'product-managers'),
];

/**
 * The office calendar (Shanghai, 09:00-12:00 and 13:00-18:00 on weekdays, a sample of 2026's
 * public holidays) and a 24x7 one, in calendars.json: plain data, so tools outside this package
 * (the engine's bench) can take it as input.
 */
export type SeedCalendar = { key: string; name: string; spec: CalendarSpec; isDefault: boolean };
// JSON's arrays are not tuples to TypeScript; seed-flows.test.ts checks each spec with the engine.
export const SEED_CALENDARS = (calendars as unknown as { calendars: SeedCalendar[] }).calendars;

export type SeedTicketType = {
  id: string;
  name: string;
  description: string;
  fields: FieldDefinition[];
  defaults: TicketTypeDefaults;
  /** File under seed/flows holding the flow's BPMN. */
  flowFile: string;
};

export const SERVICES = ['shop-pre-sales', 'shop-after-sales', 'travel', 'insurance', 'top-up', 'partners'];

export const SEED_TICKET_TYPES: SeedTicketType[] = [
  {
    id: 'call-centre',
    name: 'Call-centre ticket',
    description:
      'A customer call recorded by the front line, dispatched by category to refunds, fault handling or after-sales; a call-back agent replies to the customer.',
    fields: [
      { key: 'callerPhone', label: 'Caller phone', type: 'text', required: true },
      { key: 'orderNumber', label: 'Order number', type: 'text' },
      { key: 'description', label: 'What the customer reported', type: 'textarea', required: true },
      { key: 'refundAmount', label: 'Refund amount (CNY)', type: 'number' },
      { key: 'preferredCallbackTime', label: 'Preferred call-back time', type: 'text' },
    ],
    defaults: { priority: 'medium', category: 'inquiry', service: 'shop-after-sales', fields: {} },
    flowFile: 'call-centre.bpmn',
  },
  {
    id: 'product-suggestion',
    name: 'Product suggestion',
    description:
      "A customer's idea for the product: a product specialist routes it to the module's product manager, who talks to the customer and tags it (no plan / planned / in development / shipped); the customer is e-mailed at every stage change.",
    fields: [
      {
        key: 'module',
        label: 'Module',
        type: 'select',
        required: true,
        options: ['payments', 'mobile-app', 'reports', 'integrations', 'other'],
      },
      { key: 'suggestion', label: 'Suggestion', type: 'textarea', required: true },
      { key: 'useCase', label: 'Why the customer needs it', type: 'textarea' },
    ],
    defaults: {
      priority: 'low',
      category: 'suggestion',
      service: 'product-feedback',
      fields: { module: 'other' },
    },
    flowFile: 'product-suggestion.bpmn',
  },
  {
    id: 'customer-email',
    name: 'Customer e-mail',
    description:
      'A mail to the support mailbox (BATON_MAIL_IN_TICKET_TYPE=customer-email): support answers it from the ticket and hands it to after-sales when it needs a repair or a replacement.',
    fields: [{ key: 'orderNumber', label: 'Order number', type: 'text' }],
    defaults: { priority: 'medium', category: 'inquiry', service: 'shop-after-sales', fields: {} },
    flowFile: 'customer-email.bpmn',
  },
];

/** Stable ids so other seeds and tests can refer to seeded rows. */
export const userIdFor = (email: string) => `usr_${email.split('@')[0]!.replaceAll(/[^a-z0-9]+/g, '_')}`;

/**
 * The clocks every help desk keeps beside its diagrams' stage clocks: how long a customer waits
 * for an agent's first reply, and for the ticket to be resolved (time waiting on the customer not
 * counted; each reopen times it again), on the office calendar as the department holding the ticket
 * keeps it. Their first
 * versions date from before any ticket, so they time the demo history too.
 */
export type SeedTimingRule = { key: string; createdAt: Date; rule: Omit<TimingRule, 'key'> };
const HOUR_MS = 3_600_000;
const BUILT_IN = new Date('2000-01-01T00:00:00Z');
export const SEED_TIMING_RULES: SeedTimingRule[] = [
  {
    key: 'first-response',
    createdAt: BUILT_IN,
    rule: {
      name: 'First response',
      start: [{ on: 'ticket.created' }],
      pause: [],
      resume: [],
      stop: [{ on: 'agent.reply' }, { on: 'ticket.done' }, { on: 'ticket.cancelled' }],
      targetsMs: { urgent: HOUR_MS / 2, high: HOUR_MS, medium: 4 * HOUR_MS, low: 8 * HOUR_MS },
      calendar: 'office',
      followOwner: true,
      warnAt: 0.75,
      severeAt: 1.5,
    },
  },
  {
    key: 'resolution',
    createdAt: BUILT_IN,
    rule: {
      name: 'Resolution',
      // A reopened ticket is timed again: a new cycle, the one before kept as it stopped.
      start: [{ on: 'ticket.created' }, { on: 'ticket.reopened' }],
      pause: [{ on: 'task.held' }],
      resume: [{ on: 'task.resumed' }, { on: 'customer.message' }],
      stop: [{ on: 'ticket.done' }, { on: 'ticket.cancelled' }],
      targetsMs: { urgent: 4 * HOUR_MS, high: 8 * HOUR_MS, medium: 24 * HOUR_MS, low: 40 * HOUR_MS },
      calendar: 'office',
      followOwner: true,
      warnAt: 0.8,
      severeAt: 1.5,
    },
  },
];
