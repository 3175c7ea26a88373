// Which Baton entries the properties panel shows for an element, as plain descriptors: an entry
// kind (mapped to a Preact component by the provider), its props, and its validation. Pure, so the
// panel's logic is tested without a DOM.
import { feelSyntaxError } from '@baton/engine';
import type { DiagramElement, ModdleElement } from '../bpmnTypes.js';
import { fieldsFromSchema } from '../activityInputs.js';
import {
  ASSIGN_STRATEGIES,
  batonKindOf,
  fractionError,
  isoDurationError,
  parseList,
  parseTransferTo,
  positiveIntegerError,
  readBaton,
  timerValueError,
  unknownKeys,
} from '../batonAttributes.js';
import { activityOptions, calendarOptions, departmentOptions, type BatonCatalog } from './catalog.js';

/** Milliseconds as an ISO duration in seconds, e.g. 90000 -> PT90S. */
const isoSeconds = (ms: number) => `PT${Math.round(ms / 1000)}S`;

export type EntryKind =
  | 'text'
  | 'select'
  | 'checkbox'
  | 'laneDepartment'
  | 'timerKind'
  | 'timerValue'
  | 'condition'
  | 'activityInput';
export type EntryDescriptor = { id: string; kind: EntryKind; [prop: string]: unknown };
export type GroupDescriptor = { id: string; label: string; entries: EntryDescriptor[]; shouldOpen?: boolean };

const text = (
  id: string,
  attr: string,
  label: string,
  extra: Record<string, unknown> = {},
): EntryDescriptor => ({ id, kind: 'text', attr, label, ...extra });

const RECIPIENT_HINT = 'Comma list: assignee, lead, manager, group:<department>, customer.';

export function batonGroups(element: DiagramElement, catalog: BatonCatalog): GroupDescriptor[] {
  const bo = element.businessObject;
  const departmentKeys = () => catalog.departments.map((d) => d.key);
  const calendarSelect = (id: string, description: string, onProcess = false): EntryDescriptor => ({
    id,
    attr: 'calendar',
    label: 'Business calendar',
    description,
    onProcess,
    kind: 'select',
    emptyLabel: onProcess ? '(wall-clock time)' : '(process default)',
    options: () => calendarOptions(catalog),
  });

  switch (batonKindOf(bo)) {
    case 'process':
      return [
        {
          id: 'baton-process',
          label: 'Baton: ticket',
          shouldOpen: true,
          entries: [
            text('baton-ticket-sla', 'ticketSla', 'Ticket resolution SLA', {
              onProcess: true,
              placeholder: 'P3D',
              description: 'ISO 8601 duration for the whole ticket.',
              validate: isoDurationError,
            }),
            calendarSelect('baton-process-calendar', 'Default calendar for SLAs and timers.', true),
          ],
        },
      ];
    case 'lane':
      return [
        {
          id: 'baton-lane',
          label: 'Baton: department',
          shouldOpen: true,
          entries: [
            { id: 'baton-department', kind: 'laneDepartment', options: () => departmentOptions(catalog) },
          ],
        },
      ];
    case 'userTask':
      return [
        {
          id: 'baton-sla',
          label: 'Baton: SLA',
          shouldOpen: true,
          entries: [
            text('baton-sla', 'sla', 'Target (ISO duration)', {
              placeholder: 'PT4H',
              description: 'Stage target, e.g. PT4H or P2D.',
              validate: isoDurationError,
            }),
            calendarSelect('baton-calendar', 'Count the target in this calendar’s business hours.'),
            text('baton-warn-at', 'warnAt', 'Warn at (fraction)', {
              placeholder: '0.8',
              validate: (v: string) => fractionError('warnAt', v),
            }),
            text('baton-severe-at', 'severeAt', 'Severe at (fraction)', {
              placeholder: '1.3',
              validate: (v: string) => fractionError('severeAt', v),
            }),
          ],
        },
        {
          id: 'baton-task',
          label: 'Baton: handling',
          shouldOpen: true,
          entries: [
            {
              id: 'baton-assign',
              attr: 'assign',
              label: 'Assignment',
              kind: 'select',
              emptyLabel: '(default: none)',
              options: () => ASSIGN_STRATEGIES.map((s) => ({ value: s, label: s })),
            },
            text('baton-outcomes', 'outcomes', 'Outcomes', {
              placeholder: 'approved,rejected',
              description:
                'Buttons the agent sees (comma list); test them with outcome = "…" after a gateway.',
            }),
            text('baton-transfer-to', 'transferTo', 'May transfer to', {
              placeholder: 'refunds,rnd or *',
              description: 'Department keys (comma list) or * for any.',
              validate: (v: string) => {
                const unknown = unknownKeys(parseTransferTo(v), departmentKeys());
                return unknown.length && catalog.departments.length
                  ? `unknown department: ${unknown.join(', ')}`
                  : undefined;
              },
            }),
            {
              id: 'baton-returnable',
              kind: 'checkbox',
              attr: 'returnable',
              label: 'Can be returned to the previous department',
            },
          ],
        },
      ];
    case 'serviceTask': {
      const activity = catalog.activities.find((a) => a.type === readBaton(bo, 'activity'));
      const fields = fieldsFromSchema(activity?.inputSchema);
      return [
        {
          id: 'baton-activity',
          label: 'Baton: activity',
          shouldOpen: true,
          entries: [
            {
              id: 'baton-activity-type',
              attr: 'activity',
              label: 'Activity type',
              kind: 'select',
              emptyLabel: '(choose an activity)',
              options: () => activityOptions(catalog),
            },
            text('baton-retries', 'retries', 'Retries', {
              placeholder: activity ? `${activity.retries} (activity default)` : '3',
              validate: (v: string) => positiveIntegerError('retries', v),
            }),
            text('baton-timeout', 'timeout', 'Timeout (ISO duration)', {
              placeholder: activity ? `${isoSeconds(activity.timeoutMs)} (activity default)` : 'PT1M',
              validate: isoDurationError,
            }),
          ],
        },
        {
          id: 'baton-inputs',
          label: activity ? `Baton: input of ${activity.title}` : 'Baton: input',
          shouldOpen: true,
          entries: fields.map((field): EntryDescriptor => ({
            id: `baton-input-${field.name}`,
            kind: 'activityInput',
            field,
          })),
        },
      ];
    }
    case 'sendTask':
      return [
        {
          id: 'baton-notify',
          label: 'Baton: notification',
          shouldOpen: true,
          entries: [
            text('baton-notify', 'notify', 'Recipients', {
              placeholder: 'assignee,lead',
              description: RECIPIENT_HINT,
              validate: (v: string) => {
                const bad = parseList(v).filter(
                  (r) => !/^(assignee|lead|manager|customer|(group|lead|user|role):[\w-]+)$/.test(r),
                );
                return bad.length ? `unknown recipient: ${bad.join(', ')}` : undefined;
              },
            }),
            text('baton-template', 'template', 'Template', { placeholder: 'ticket-escalated' }),
          ],
        },
      ];
    case 'timerEvent':
      return [
        {
          id: 'baton-timer',
          label: 'Baton: timer',
          shouldOpen: true,
          entries: [
            { id: 'baton-timer-kind', kind: 'timerKind' },
            { id: 'baton-timer-value', kind: 'timerValue', validate: timerValueError },
            calendarSelect('baton-timer-calendar', 'Count the duration in business time.'),
          ],
        },
      ];
    case 'sequenceFlow': {
      const source = bo.get('sourceRef') as ModdleElement | undefined;
      if (!source || !['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway'].includes(source.$type)) return [];
      const validate = (v: string) => (v.trim() ? feelSyntaxError(v.trim()) : undefined);
      return [
        {
          id: 'baton-condition',
          label: 'Baton: condition',
          shouldOpen: true,
          entries: [{ id: 'baton-condition', kind: 'condition', validate }],
        },
      ];
    }
    default:
      return [];
  }
}
