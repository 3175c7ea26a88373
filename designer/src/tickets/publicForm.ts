// The public web form's pure part: the request its inputs become, and the custom fields'
// problems by the engine's rule (the one the API checks with), so the browser refuses exactly
// what the API would. The honeypot's value is sent as it is: a person never sees it, so it is
// empty unless a bot filled it.
import { ticketFieldErrors } from '@baton/engine';
import type { BodyOf, PublicFormDefinition } from '../api/types.js';
import { fieldInputs, fieldValue, type FieldInput } from './newTicket.js';

export type PublicFormBody = BodyOf<'/api/forms/{typeId}/tickets', 'post'>;

export type PublicFormInputs = {
  title: string;
  name: string;
  email: string;
  phone: string;
  /** The honeypot (HONEYPOT_FIELD in the API). */
  website: string;
  fields: Record<string, FieldInput>;
};

export const emptyInputs = (form: PublicFormDefinition): PublicFormInputs => ({
  title: '',
  name: '',
  email: '',
  phone: '',
  website: '',
  fields: fieldInputs(form.fields, {}),
});

export function publicFormBody(inputs: PublicFormInputs, form: PublicFormDefinition): PublicFormBody {
  const fields: Record<string, unknown> = {};
  for (const def of form.fields) {
    const value = fieldValue(def, inputs.fields[def.key]);
    if (value !== undefined) fields[def.key] = value;
  }
  return {
    title: inputs.title.trim(),
    email: inputs.email.trim(),
    ...(inputs.name.trim() ? { name: inputs.name.trim() } : {}),
    ...(inputs.phone.trim() ? { phone: inputs.phone.trim() } : {}),
    ...(inputs.website ? { website: inputs.website } : {}),
    fields,
  };
}

/** What the browser can tell before sending, by the names the API's field errors use. */
export function publicFormProblems(body: PublicFormBody, form: PublicFormDefinition): Record<string, string> {
  const problems: Record<string, string> = Object.fromEntries(
    ticketFieldErrors(form.fields, body.fields ?? {}).map((e) => [`fields.${e.key}`, e.message]),
  );
  if (!body.title) problems.title = 'Say in a few words what it is about';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) problems.email = 'An e-mail address we can answer to';
  return problems;
}

/** The snippet a site owner pastes to show the form. */
export const embedSnippet = (appOrigin: string, typeId: string) =>
  `<iframe src="${appOrigin}/forms/${encodeURIComponent(typeId)}" title="Contact us" style="width:100%;min-height:640px;border:0"></iframe>`;
