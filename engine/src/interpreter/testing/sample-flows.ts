// Flows exercising every element at once, for property tests and benchmarks.
import type { Flow } from '../../types.js';
import { after, every, flowBuilder, HOUR, MINUTE, sla } from './flow-builder.js';

/** Every element kind: service task, gateways of all kinds, boundaries, sub-process, loops. */
export function kitchenSinkFlow(): Flow {
  return flowBuilder('kitchen-sink')
    .start('start')
    .serviceTask('lookup', 'crm.lookup', { inputs: [{ name: 'id', expression: 'customerId' }] })
    .exclusive('lookupOk')
    .userTask('intake', {
      department: 'support',
      sla: sla(4 * HOUR),
      outcomes: ['solved', 'escalate', 'wait'],
      transferTo: '*',
      returnable: true,
    })
    .boundary('nag', 'intake', every(HOUR, 3), { cancelActivity: false })
    .sendTask('remind', ['assignee', 'lead'], 'reminder')
    .end('remindDone')
    .exclusive('route')
    .parallel('fork')
    .userTask('fix', {
      department: 'faults',
      sla: sla(8 * HOUR),
      returnable: true,
      transferTo: ['refunds', 'support'],
    })
    .boundary('fixLate', 'fix', after(12 * HOUR))
    .userTask('escalated', { department: 'faults', outcomes: ['done'] })
    .subProcess('review', 'reviewStart')
    .start('reviewStart', { scope: 'review' })
    .userTask('check', { department: 'refunds', scope: 'review', sla: sla(2 * HOUR), returnable: true })
    .end('reviewEnd', { scope: 'review' })
    .parallel('join')
    .userTask('callback', { department: 'support', outcomes: ['reached', 'no-answer'] })
    .sendTask('bye', ['customer'], 'ticket.closed')
    .eventBased('waitCustomer')
    .catchEvent('reply', { message: 'customer-reply' })
    .catchEvent('silence', { timer: after(24 * HOUR) })
    .end('abandon', { terminate: true })
    .userTask('refund', { department: 'refunds', sla: sla(30 * MINUTE) })
    .end('end')
    .path('start', 'lookup', 'lookupOk')
    .flow('lookupOk', 'refund', { condition: 'category = "refund" and error = null' })
    .flow('lookupOk', 'intake', { isDefault: true })
    .path('refund', 'end')
    .path('intake', 'route')
    .path('nag', 'remind', 'remindDone')
    .flow('route', 'bye', { condition: 'outcome = "solved"' })
    .flow('route', 'waitCustomer', { condition: 'outcome = "wait"' })
    .flow('route', 'fork', { isDefault: true })
    .path('fork', 'fix', 'join')
    .path('fixLate', 'escalated', 'join')
    .path('fork', 'review', 'join')
    .path('reviewStart', 'check', 'reviewEnd')
    .path('join', 'callback')
    .flow('callback', 'bye', { condition: 'outcome = "reached"' })
    .flow('callback', 'waitCustomer', { condition: 'outcome = "no-answer"' })
    .path('bye', 'end')
    .path('waitCustomer', 'reply', 'intake')
    .path('waitCustomer', 'silence', 'abandon')
    .with({ ticketSla: sla(48 * HOUR) })
    .build();
}

/**
 * The seeded call-centre flow's shape: intake in support, an exclusive gateway on category to
 * refunds / faults / after-sales tasks with SLAs and outcomes, a callback task, end.
 */
export function callCentreFlow(): Flow {
  return flowBuilder('call-centre')
    .start('start')
    .userTask('intake', {
      department: 'support',
      sla: sla(30 * MINUTE),
      outcomes: ['route'],
      transferTo: '*',
    })
    .exclusive('category')
    .userTask('refund', {
      department: 'refunds',
      sla: sla(4 * HOUR),
      outcomes: ['approved', 'rejected'],
      transferTo: ['faults', 'after-sales'],
      returnable: true,
    })
    .userTask('fault', {
      department: 'faults',
      sla: sla(8 * HOUR),
      outcomes: ['fixed', 'replace'],
      transferTo: ['refunds', 'after-sales'],
      returnable: true,
    })
    .userTask('afterSales', {
      department: 'after-sales',
      sla: sla(24 * HOUR),
      outcomes: ['resolved'],
      transferTo: ['refunds', 'faults'],
      returnable: true,
    })
    .userTask('callback', { department: 'support', sla: sla(2 * HOUR), outcomes: ['reached', 'no-answer'] })
    .end('end')
    .path('start', 'intake', 'category')
    .flow('category', 'refund', { condition: 'category = "refund"' })
    .flow('category', 'fault', { condition: 'category = "fault"' })
    .flow('category', 'afterSales', { isDefault: true })
    .path('refund', 'callback')
    .path('fault', 'callback')
    .path('afterSales', 'callback')
    .path('callback', 'end')
    .with({ ticketSla: sla(72 * HOUR) })
    .build();
}
