// Ticket types, flow drafts, validation diagnostics, deploys and versions.
import { eq } from 'drizzle-orm';
import { ticketTypes } from '@baton/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds } from './fixtures.js';
import { createHarness, problemOf, type Harness } from './harness.js';

let h: Harness;
let xml: string;

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory' });
  xml = await deploySupportRefunds(h, 'refund-request');
});
afterAll(() => h?.close());

const json = async <T>(res: Response, status = 200): Promise<T> => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
};

// The triage task moved out of every lane: a compile error that names the element.
const broken = () => xml.replace('<bpmn:flowNodeRef>Task_Triage</bpmn:flowNodeRef>', '');

describe('flows', () => {
  it('round-trips the draft and lists the deployed version', async () => {
    const draft = await json<{ xml: string; updatedBy: string }>(
      await h.call('owner', 'GET', '/api/ticket-types/refund-request/flow'),
    );
    expect(draft).toMatchObject({ xml, updatedBy: h.ids.owner });
    const versions = await json<{ items: { id: string; version: number }[] }>(
      await h.call('agent', 'GET', '/api/ticket-types/refund-request/flow/versions'),
    );
    expect(versions.items.map((v) => v.version)).toEqual([1]);
    const version = await json<{ xml: string; compiled: { nodes: Record<string, unknown> } }>(
      await h.call('agent', 'GET', `/api/flow-versions/${versions.items[0]!.id}`),
    );
    expect(version.xml).toBe(xml);
    expect(Object.keys(version.compiled.nodes)).toContain('Task_Triage');
    const types = await json<{
      items: { id: string; latestVersion: { version: number } | null; hasDraft: boolean }[];
    }>(await h.call('agent', 'GET', '/api/ticket-types'));
    expect(types.items.find((t) => t.id === 'refund-request')).toMatchObject({
      latestVersion: { version: 1 },
      hasDraft: true,
    });
  });

  it('validates XML with diagnostics that carry element ids, without saving it', async () => {
    const result = await json<{ ok: boolean; errors: { elementId?: string; code: string }[] }>(
      await h.call('owner', 'POST', '/api/ticket-types/refund-request/flow/validate', { xml: broken() }),
    );
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.elementId)).toContain('Task_Triage');
    const good = await json<{ ok: boolean; warnings: unknown[] }>(
      await h.call('owner', 'POST', '/api/ticket-types/refund-request/flow/validate', {}),
    );
    expect(good.ok).toBe(true);
    const notXml = await json<{ ok: boolean; errors: unknown[] }>(
      await h.call('owner', 'POST', '/api/ticket-types/refund-request/flow/validate', { xml: 'hello' }),
    );
    expect(notXml.ok).toBe(false);
  });

  it('refuses to deploy a draft with errors (422 with diagnostics) and adds no version', async () => {
    await json(await h.call('owner', 'PUT', '/api/ticket-types/refund-request/flow', { xml: broken() }));
    const res = await h.call('owner', 'POST', '/api/ticket-types/refund-request/flow/deploy', {});
    const problem = (await problemOf(res)) as unknown as {
      status: number;
      code: string;
      diagnostics: { elementId?: string }[];
      errors: { path: string }[];
    };
    expect([problem.status, problem.code]).toEqual([422, 'validation-failed']);
    expect(problem.diagnostics.map((d) => d.elementId)).toContain('Task_Triage');
    expect(problem.errors.map((e) => e.path)).toContain('flow.Task_Triage');
    const versions = await json<{ items: unknown[] }>(
      await h.call('owner', 'GET', '/api/ticket-types/refund-request/flow/versions'),
    );
    expect(versions.items).toHaveLength(1);
  });

  it('deploys a fixed draft as the next version; new tickets start on it', async () => {
    await json(
      await h.call('owner', 'PUT', '/api/ticket-types/refund-request/flow', {
        xml: xml.replace('name="Triage"', 'name="Triage v2"'),
      }),
    );
    const deployed = await json<{ id: string; version: number }>(
      await h.call('owner', 'POST', '/api/ticket-types/refund-request/flow/deploy', {}),
      201,
    );
    expect(deployed.version).toBe(2);
    const ticket = await json<{ flowVersionId: string; openTasks: { name: string }[] }>(
      await h.call('agent', 'POST', '/api/tickets', {
        typeId: 'refund-request',
        title: 't',
        fields: { orderNumber: '1' },
      }),
      201,
    );
    expect(ticket).toMatchObject({ flowVersionId: deployed.id, openTasks: [{ name: 'Triage v2' }] });
  });

  it("checks conditions against the type's fields: an unknown variable warns, a non-boolean refuses the deploy", async () => {
    await json(
      await h.call('owner', 'POST', '/api/ticket-types', {
        id: 'amounts',
        name: 'Amounts',
        fields: [{ key: 'amount', label: 'Amount', type: 'number' }],
      }),
      201,
    );
    const withCondition = (condition: string) => xml.replace('outcome = "refund"', condition);
    type Diagnostics = {
      ok: boolean;
      errors: { code: string; elementId?: string; message: string }[];
      warnings: { code: string; elementId?: string; message: string }[];
    };
    const validate = async (condition: string) =>
      json<Diagnostics>(
        await h.call('owner', 'POST', '/api/ticket-types/amounts/flow/validate', {
          xml: withCondition(condition),
        }),
      );

    const misspelt = await validate('amout > 100');
    expect(misspelt.ok).toBe(true);
    const [unknown, ...more] = misspelt.warnings.filter((w) => w.code === 'unknown-variable');
    expect(more).toEqual([]);
    expect(unknown).toMatchObject({ elementId: 'Flow_Refund' });
    expect(unknown!.message).toMatch(/'amout' \(did you mean 'amount'\?\)/);
    // The type's field and every ticket's variables are known.
    const known = await validate('amount > 100 and priority = "high" and customer.email != null');
    expect(known.warnings.filter((w) => w.code === 'unknown-variable')).toEqual([]);

    // Deploy checks the same way: the warning travels with the new version.
    await json(
      await h.call('owner', 'PUT', '/api/ticket-types/amounts/flow', { xml: withCondition('amout > 100') }),
    );
    const deployed = await json<{ version: number; warnings: { code: string; elementId?: string }[] }>(
      await h.call('owner', 'POST', '/api/ticket-types/amounts/flow/deploy', {}),
      201,
    );
    expect(deployed.warnings).toContainEqual(
      expect.objectContaining({ code: 'unknown-variable', elementId: 'Flow_Refund' }),
    );

    const yes = await validate('"yes"');
    expect(yes.ok).toBe(false);
    expect(yes.errors).toContainEqual(
      expect.objectContaining({ code: 'non-boolean-condition', elementId: 'Flow_Refund' }),
    );
    await json(
      await h.call('owner', 'PUT', '/api/ticket-types/amounts/flow', { xml: withCondition('"yes"') }),
    );
    const refused = (await problemOf(
      await h.call('owner', 'POST', '/api/ticket-types/amounts/flow/deploy', {}),
    )) as unknown as { status: number; diagnostics: { code: string }[]; errors: { path: string }[] };
    expect(refused.status).toBe(422);
    expect(refused.diagnostics.map((d) => d.code)).toContain('non-boolean-condition');
    expect(refused.errors.map((e) => e.path)).toContain('flow.Flow_Refund');
    // A number field alone is no condition either, and only the type's fields say so.
    const number = await validate('amount');
    expect(number.errors.map((e) => e.code)).toContain('non-boolean-condition');
    const versions = await json<{ items: unknown[] }>(
      await h.call('owner', 'GET', '/api/ticket-types/amounts/flow/versions'),
    );
    expect(versions.items).toHaveLength(1);
  });

  it('refuses a compiled flow larger than the limit', async () => {
    const small = await createHarness({ runtime: 'in-memory', config: { maxCompiledFlowBytes: 500 } });
    try {
      await expect(deploySupportRefunds(small, 'tiny')).rejects.toThrow(/422.*compiled flow is \d+ bytes/);
    } finally {
      await small.close();
    }
  });

  it("replaces a type's name, fields and defaults; a duplicate field key or an unknown type changes nothing", async () => {
    await json(
      await h.call('owner', 'POST', '/api/ticket-types', {
        id: 'editable',
        name: 'Before',
        fields: [{ key: 'order', label: 'Order', type: 'text' }],
      }),
      201,
    );
    const body = {
      name: 'After',
      description: 'Edited in the designer',
      fields: [
        { key: 'order', label: 'Order number', type: 'text', required: true },
        { key: 'tier', label: 'Tier', type: 'select', options: ['gold', 'silver'] },
      ],
      defaults: { priority: 'high', category: 'refund' },
    };
    const updated = await json<{
      name: string;
      fields: { key: string }[];
      defaults: Record<string, unknown>;
    }>(await h.call('owner', 'PUT', '/api/ticket-types/editable', body));
    expect(updated).toMatchObject({
      name: 'After',
      description: 'Edited in the designer',
      defaults: { priority: 'high', category: 'refund' },
    });
    expect(updated.fields.map((f) => f.key)).toEqual(['order', 'tier']);

    const duplicate = await problemOf(
      await h.call('owner', 'PUT', '/api/ticket-types/editable', {
        ...body,
        name: 'Lost',
        fields: [body.fields[0], body.fields[0]],
      }),
    );
    expect(duplicate).toMatchObject({ code: 'validation-failed', detail: "field key 'order' is used twice" });
    expect((await problemOf(await h.call('owner', 'PUT', '/api/ticket-types/nope', body))).code).toBe(
      'not-found',
    );
    expect((await problemOf(await h.call('agent', 'PUT', '/api/ticket-types/editable', body))).code).toBe(
      'forbidden',
    );
    const stored = await json<{ name: string }>(await h.call('owner', 'GET', '/api/ticket-types/editable'));
    expect(stored.name).toBe('After');
  });

  it("keeps a type's seeded field defaults when the type is saved, for the fields it still has", async () => {
    await deploySupportRefunds(h, 'seeded-defaults');
    // Seeds set field defaults; the API does not take them. `retired` is no longer on the form.
    await h.deps.db
      .update(ticketTypes)
      .set({ defaults: { priority: 'low', fields: { orderNumber: 'SEED-1', retired: 'x' } } })
      .where(eq(ticketTypes.id, 'seeded-defaults'));
    const saved = await json<{ defaults: Record<string, unknown> }>(
      await h.call('owner', 'PUT', '/api/ticket-types/seeded-defaults', {
        name: 'Seeded, renamed',
        fields: [{ key: 'orderNumber', label: 'Order number', type: 'text', required: true }],
        defaults: { priority: 'high' },
      }),
    );
    expect(saved.defaults).toEqual({ priority: 'high', fields: { orderNumber: 'SEED-1' } });
    // The required field is filled by the kept default.
    const created = await json<{ fields: Record<string, unknown> }>(
      await h.call('agent', 'POST', '/api/tickets', { typeId: 'seeded-defaults', title: 'Defaults kept' }),
      201,
    );
    expect(created.fields).toEqual({ orderNumber: 'SEED-1' });
  });

  it('answers 404 for unknown types, drafts and versions, 409 for a duplicate type', async () => {
    expect((await problemOf(await h.call('owner', 'GET', '/api/ticket-types/nope/flow'))).code).toBe(
      'not-found',
    );
    expect((await h.call('owner', 'POST', '/api/ticket-types/nope/flow/deploy', {})).status).toBe(404);
    expect((await h.call('owner', 'GET', '/api/flow-versions/nope')).status).toBe(404);
    await json(await h.call('owner', 'POST', '/api/ticket-types', { id: 'no-draft', name: 'No draft' }), 201);
    expect(
      (await problemOf(await h.call('owner', 'POST', '/api/ticket-types', { id: 'no-draft', name: 'Again' })))
        .code,
    ).toBe('conflict');
    const noFlow = await problemOf(
      await h.call('agent', 'POST', '/api/tickets', { typeId: 'no-draft', title: 't' }),
    );
    expect(noFlow.detail).toMatch(/no deployed flow/);
  });

  it('tells a type without a draft from an unknown type by the problem type', async () => {
    await json(
      await h.call('owner', 'POST', '/api/ticket-types', { id: 'draftless', name: 'Draftless' }),
      201,
    );
    const unknown = await problemOf(await h.call('owner', 'GET', '/api/ticket-types/nope/flow'));
    expect(unknown).toMatchObject({ status: 404, type: 'https://baton.dev/problems/not-found' });
    const noDraft = await problemOf(await h.call('owner', 'GET', '/api/ticket-types/draftless/flow'));
    expect(noDraft).toMatchObject({ status: 404, type: 'https://baton.dev/problems/no-draft' });
    // Validating or deploying the saved draft of such a type answers the same.
    for (const action of ['validate', 'deploy']) {
      const answer = await problemOf(
        await h.call('owner', 'POST', `/api/ticket-types/draftless/flow/${action}`, {}),
      );
      expect(answer, action).toMatchObject({ status: 404, type: 'https://baton.dev/problems/no-draft' });
    }
  });
});

describe('directory', () => {
  it('creates departments, users (who can sign in) and a default calendar', async () => {
    await json(
      await h.call('admin', 'POST', '/api/departments', {
        key: 'rnd',
        name: 'R&D',
        leadUserId: h.ids.manager,
      }),
      201,
    );
    const user = await json<{ id: string; departments: string[] }>(
      await h.call('admin', 'POST', '/api/users', {
        email: 'new@example.test',
        name: 'New',
        password: 'long enough password',
        roles: ['agent'],
        departments: ['rnd'],
      }),
      201,
    );
    expect(user.departments).toEqual(['rnd']);
    const login = await h.call(null, 'POST', '/api/auth/login', {
      email: 'new@example.test',
      password: 'long enough password',
    });
    expect(login.status).toBe(200);
    const departments = await json<{
      items: { key: string; members: string[]; leadUserId: string | null }[];
    }>(await h.call('agent', 'GET', '/api/departments'));
    expect(departments.items.find((d) => d.key === 'rnd')).toMatchObject({
      leadUserId: h.ids.manager,
      members: [h.ids.manager, user.id].sort(),
    });
    expect(
      (
        await problemOf(
          await h.call('admin', 'POST', '/api/users', {
            email: 'NEW@example.test',
            name: 'Dup',
            roles: ['agent'],
          }),
        )
      ).code,
    ).toBe('conflict');

    const week = { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']] };
    await json(
      await h.call('admin', 'POST', '/api/calendars', {
        key: 'a',
        name: 'A',
        spec: { timeZone: 'Europe/Paris', week },
        isDefault: true,
      }),
      201,
    );
    await json(
      await h.call('admin', 'POST', '/api/calendars', {
        key: 'b',
        name: 'B',
        spec: { timeZone: 'Asia/Shanghai', week, holidays: ['2026-10-01'] },
        isDefault: true,
      }),
      201,
    );
    const calendars = await json<{ items: { key: string; isDefault: boolean }[] }>(
      await h.call('agent', 'GET', '/api/calendars'),
    );
    expect(calendars.items.map((c) => [c.key, c.isDefault])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    const badHours = await problemOf(
      await h.call('admin', 'POST', '/api/calendars', {
        key: 'c',
        name: 'C',
        spec: { timeZone: 'UTC', week: { mon: [['18:00', '09:00']] } },
      }),
    );
    expect(badHours.code).toBe('validation-failed');
  });
});
