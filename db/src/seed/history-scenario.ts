// What the demo history is made of: how many tickets arrive, which way they go through the two
// seeded flows (element ids of call-centre.bpmn and product-suggestion.bpmn), how long each
// department takes, and the words on the tickets. Plain data and small choosers; the timing and
// the rows are history.ts's.
import type { Category, Priority } from '@baton/engine';
import type { Random } from './random.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A user task a ticket passes: what it ends with, and what it waits for before it opens. */
export type Visit = {
  elementId: string;
  outcome: string;
  /** Handed to another department's entry task instead of completed (task.transferred). */
  transferTo?: string;
  /** A timer between the previous task and this one: business time in the flow's calendar, or wall-clock. */
  waitBefore?: { ms: number; business: boolean; timerNode: string };
};

/** Business-time duration of a stage: log-normal around a median, scaled by how busy the department is. */
export type DurationModel = { medianMs: number; sigma: number };

export const DURATIONS: Record<string, DurationModel> = {
  Task_RecordCall: { medianMs: 6 * MINUTE, sigma: 0.45 },
  Task_Refund: { medianMs: 2 * HOUR, sigma: 0.55 },
  Task_Fault: { medianMs: 4.5 * HOUR, sigma: 0.6 },
  Task_AfterSales: { medianMs: 3 * HOUR, sigma: 0.6 },
  Task_Callback: { medianMs: 40 * MINUTE, sigma: 0.6 },
  Task_Triage: { medianMs: 3 * HOUR, sigma: 0.65 },
  Task_Discuss: { medianMs: 7 * HOUR, sigma: 0.6 },
  Task_Review: { medianMs: 3 * HOUR, sigma: 0.55 },
};

/**
 * How many times its usual duration a stage takes: 1 mostly, 3 to 12 for a stage forgotten or
 * waiting on someone outside (a part, the customer). Recently more of them wait (a backlog), so
 * the stuck list has rows today.
 */
export function delay(random: Random, department: string | undefined, daysAgo: number): number {
  const stalls = department !== 'support' && daysAgo < 10 ? 0.18 : 0.015;
  return random.chance(stalls) ? 3 + random.next() * 9 : 1;
}

/**
 * How much slower a department works on a day than its usual median: the fault team short of
 * staff in the last five weeks, the call-back team after the Spring Festival, refunds after
 * Singles' Day.
 */
export function slowdown(department: string | undefined, daysAgo: number, monthDay: string): number {
  if (department === 'faults' && daysAgo < 35) return 1.7;
  if (department === 'callback' && monthDay >= '02-21' && monthDay <= '03-06') return 1.6;
  if (department === 'refunds' && monthDay >= '11-11' && monthDay <= '11-25') return 1.4;
  return 1;
}

export type TicketTypeScenario = {
  typeId: string;
  /** Every user task the visits name, with its department, checked against the deployed flow. */
  tasks: Record<string, string>;
  /** Tickets per open day and per closed day (weekends, holidays), before growth and seasons. */
  perOpenDay: number;
  perClosedDay: number;
  /** The ticket's words and the path it takes. */
  ticket(
    random: Random,
    context: { monthDay: string; entryTask: (department: string) => string },
  ): {
    title: string;
    priority: Priority;
    category: Category;
    service: string;
    fields: Record<string, unknown>;
    visits: Visit[];
  };
};

const CALL_TITLES: Record<'refund' | 'fault' | 'inquiry' | 'service-request' | 'complaint', string[]> = {
  refund: [
    'Refund for order {order}',
    'Charged twice for order {order}',
    'Cancelled booking, money not returned',
    'Refund for a returned parcel',
    'Top-up failed but the balance was charged',
  ],
  fault: [
    'App crashes when paying',
    'Cannot log in after the update',
    'Payment page times out',
    'Order {order} stuck in "processing"',
    'Wrong price shown at checkout',
    'Tracking link is broken',
  ],
  inquiry: [
    'Where is my parcel?',
    'How do I change my delivery address?',
    'Question about the warranty',
    'Opening hours over the holiday',
    'Can I pay in instalments?',
    'How do I reset my password?',
  ],
  'service-request': [
    'Change the name on my booking',
    'Send a copy of the invoice for order {order}',
    'Upgrade my plan',
    'Add a second card to my account',
  ],
  complaint: [
    'Courier was rude',
    'Parcel for order {order} arrived damaged',
    'Waited an hour on the phone',
    'Product not as described',
  ],
};

const SUGGESTIONS: { title: string; module: string }[] = [
  { title: 'Export reports to Excel', module: 'reports' },
  { title: 'Dark mode for the mobile app', module: 'mobile-app' },
  { title: 'Pay with Alipay in the app', module: 'payments' },
  { title: 'Webhook when an order ships', module: 'integrations' },
  { title: 'Show the delivery time at checkout', module: 'other' },
  { title: 'Split a payment between two cards', module: 'payments' },
  { title: 'Save favourite addresses', module: 'mobile-app' },
  { title: 'Reports by region', module: 'reports' },
  { title: 'Slack alerts for new orders', module: 'integrations' },
  { title: 'Offline mode for the app', module: 'mobile-app' },
];

const SERVICES = ['shop-pre-sales', 'shop-after-sales', 'travel', 'insurance', 'top-up', 'partners'];

const priority = (random: Random): Priority => random.weighted({ urgent: 4, high: 18, medium: 58, low: 20 });
const orderNumber = (random: Random) => `SO-${random.int(100_000, 999_999)}`;
const phone = (random: Random) => `+86 138 ${random.int(1000, 9999)} ${random.int(1000, 9999)}`;

/** Call-backs: sometimes the customer does not answer and the team tries again in 2 working hours. */
function callbacks(random: Random): Visit[] {
  const visits: Visit[] = [];
  while (visits.length < 2 && random.chance(0.15)) {
    visits.push({
      elementId: 'Task_Callback',
      outcome: 'unreachable',
      ...(visits.length > 0 ? { waitBefore: retryCall } : {}),
    });
  }
  visits.push({
    elementId: 'Task_Callback',
    outcome: 'replied',
    ...(visits.length > 0 ? { waitBefore: retryCall } : {}),
  });
  return visits;
}
const retryCall = { ms: 2 * HOUR, business: true, timerNode: 'Timer_RetryCall' };

const DEPARTMENT_TASK: Record<string, { task: string; outcomes: Record<string, number> }> = {
  refunds: { task: 'Task_Refund', outcomes: { refunded: 80, 'refund-rejected': 20 } },
  faults: { task: 'Task_Fault', outcomes: { fixed: 85, 'cannot-reproduce': 15 } },
  'after-sales': { task: 'Task_AfterSales', outcomes: { resolved: 70, 'replacement-sent': 30 } },
};
/** Where each department may transfer a ticket (the tasks' baton:transferTo). */
const TRANSFERS: Record<string, string[]> = {
  refunds: ['faults', 'after-sales'],
  faults: ['refunds', 'after-sales'],
  'after-sales': ['refunds', 'faults'],
};

export const CALL_CENTRE: TicketTypeScenario = {
  typeId: 'call-centre',
  tasks: {
    Task_RecordCall: 'support',
    Task_Refund: 'refunds',
    Task_Fault: 'faults',
    Task_AfterSales: 'after-sales',
    Task_Callback: 'callback',
  },
  perOpenDay: 17,
  perClosedDay: 3,
  ticket(random, { monthDay, entryTask }) {
    const singlesDay = monthDay >= '11-11' && monthDay <= '11-25';
    const category = random.weighted({
      refund: singlesDay ? 60 : 28,
      fault: 25,
      inquiry: 25,
      'service-request': 11,
      complaint: 11,
    });
    const order = orderNumber(random);
    const title = random.pick(CALL_TITLES[category]).replace('{order}', order);
    const fields: Record<string, unknown> = { callerPhone: phone(random), description: title };
    if (category !== 'inquiry') fields.orderNumber = order;
    if (category === 'refund') fields.refundAmount = random.int(20, 3000);
    if (random.chance(0.3))
      fields.preferredCallbackTime = random.pick(['morning', 'after 14:00', 'evenings']);
    const base = {
      title,
      priority: priority(random),
      category,
      service: random.pick(SERVICES),
      fields,
    };
    const resolvedOnCall = random.chance(category === 'inquiry' ? 0.7 : 0.08);
    const visits: Visit[] = [
      { elementId: 'Task_RecordCall', outcome: resolvedOnCall ? 'resolved-on-call' : 'dispatch' },
    ];
    if (resolvedOnCall) return { ...base, visits };
    let department = category === 'refund' ? 'refunds' : category === 'fault' ? 'faults' : 'after-sales';
    if (random.chance(0.06)) {
      const to = random.pick(TRANSFERS[department]!);
      visits.push({ elementId: entryTask(department), outcome: 'transferred', transferTo: to });
      department = to;
    }
    const { outcomes } = DEPARTMENT_TASK[department]!;
    visits.push({ elementId: entryTask(department), outcome: random.weighted(outcomes) });
    return { ...base, visits: [...visits, ...callbacks(random)] };
  },
};

export const PRODUCT_SUGGESTION: TicketTypeScenario = {
  typeId: 'product-suggestion',
  tasks: { Task_Triage: 'product', Task_Discuss: 'product-managers', Task_Review: 'product-managers' },
  perOpenDay: 2.5,
  perClosedDay: 0.3,
  ticket(random) {
    const suggestion = random.pick(SUGGESTIONS);
    const base = {
      title: suggestion.title,
      priority: random.weighted<Priority>({ urgent: 0, high: 5, medium: 35, low: 60 }),
      category: 'suggestion' as const,
      service: 'product-feedback',
      fields: { module: suggestion.module, suggestion: suggestion.title },
    };
    if (random.chance(0.15)) return { ...base, visits: [{ elementId: 'Task_Triage', outcome: 'decline' }] };
    const stage = (r: Random) =>
      r.weighted({ 'no-plan': 30, planned: 30, 'in-development': 15, shipped: 25 });
    const visits: Visit[] = [
      { elementId: 'Task_Triage', outcome: 'route' },
      { elementId: 'Task_Discuss', outcome: stage(random) },
    ];
    // Planned or in development: reviewed again every 30 days until shipped or dropped.
    while (['planned', 'in-development'].includes(visits[visits.length - 1]!.outcome) && visits.length < 5) {
      visits.push({
        elementId: 'Task_Review',
        outcome: stage(random),
        waitBefore: { ms: 30 * DAY, business: false, timerNode: 'Timer_Review' },
      });
    }
    return { ...base, visits };
  },
};

export const SCENARIOS = [CALL_CENTRE, PRODUCT_SUGGESTION];

/** Customers the tickets are for. */
export const CUSTOMERS = [
  'Li Wei',
  'Wang Fang',
  'Zhang Min',
  'Liu Yang',
  'Chen Jing',
  'Yang Lei',
  'Zhao Xin',
  'Huang Li',
  'Zhou Tao',
  'Wu Hui',
  'Xu Ming',
  'Sun Yan',
  'Ma Jun',
  'Zhu Lin',
  'Hu Bo',
  'Guo Ting',
  'He Qiang',
  'Gao Yu',
  'Lin Na',
  'Luo Kai',
  'Emma Schmidt',
  'Lucas Martin',
  'Olivia Brown',
  'Noah Rossi',
  'Ava Jensen',
  'Mateo García',
  'Sofia Nowak',
  'Hiro Tanaka',
  'Aisha Khan',
  'Daniel Kim',
];
