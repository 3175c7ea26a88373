// Ticket types, flow drafts, validation diagnostics, deploys and versions.
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

  it('answers 404 for unknown types, drafts and versions, 409 for a duplicate type', async () => {
    expect((await problemOf(await h.call('owner', 'GET', '/api/ticket-types/nope/flow'))).code).toBe(
      'not-found',
    );
    expect((await h.call('owner', 'POST', '/api/ticket-types/nope/flow/deploy', {})).status).toBe(404);
    expect((await h.call('owner', 'GET', '/api/flow-versions/nope')).status).toBe(404);
    await json(await h.call('owner', 'POST', '/api/ticket-types', { id: 'no-draft', name: 'No draft' }), 201);
    expect(
      (await problemOf(await h.call('owner', 'POST', '/api/ticket-types/no-draft/flow/validate', {}))).code,
    ).toBe('not-found');
    expect(
      (await problemOf(await h.call('owner', 'POST', '/api/ticket-types', { id: 'no-draft', name: 'Again' })))
        .code,
    ).toBe('conflict');
    const noFlow = await problemOf(
      await h.call('agent', 'POST', '/api/tickets', { typeId: 'no-draft', title: 't' }),
    );
    expect(noFlow.detail).toMatch(/no deployed flow/);
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
