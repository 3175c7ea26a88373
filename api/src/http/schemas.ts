// Shared request/response pieces.
import { z } from './openapi.js';
import { ROLES } from '@baton/db';
import { isKnownTimeZone } from '@baton/engine';

export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lower-case letters, digits, - and _ (at most 63)')
  .openapi({ example: 'after-sales' });

export const IdParam = z.object({ id: z.string().min(1).max(200) });

export const RoleSchema = z.enum(ROLES);

/** What the API says of any person: the caller (`Me`) and directory entries (`User`) add to it. */
export const PersonFields = {
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  departments: z.array(z.string()),
};

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

export const CalendarSpecSchema = z
  .strictObject({
    timeZone: z.string().refine(isKnownTimeZone, 'unknown IANA time zone'),
    week: z.partialRecord(
      Weekday,
      z
        .array(
          z
            .tuple([HHMM, HHMM])
            .refine(([from, to]) => from < to, 'an opening interval must end after it starts'),
        )
        .max(12),
    ),
    holidays: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'))
      .max(1000)
      .optional(),
  })
  .openapi('CalendarSpec');

export const FieldDefinitionSchema = z
  .strictObject({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/, 'a letter, then letters, digits or _'),
    label: z.string().min(1).max(200),
    type: z.enum(['text', 'textarea', 'number', 'boolean', 'select', 'date', 'email']),
    required: z.boolean().optional(),
    options: z.array(z.string().min(1).max(200)).min(1).max(200).optional(),
  })
  .refine((f) => f.type !== 'select' || (f.options?.length ?? 0) > 0, {
    message: 'a select field needs options',
    path: ['options'],
  })
  .openapi('FieldDefinition');

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
