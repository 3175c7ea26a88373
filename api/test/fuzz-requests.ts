// Requests generated from the OpenAPI document with a seeded PRNG: one operation, one caller and
// one way of being wrong per request (or none: a plausible request, so the accepted paths run
// too). A pure function of (world, seed), so a seed printed by a failing run names the request.
import {
  bodySchemaOf,
  operationsOf,
  resolveIn,
  typeOf,
  type Document,
  type DocumentOperation,
  type Parameter,
  type Schema,
} from './openapi-document.js';
import {
  BAD_CONTENT_TYPES,
  deepJson,
  EXTRA_KEYS,
  HOSTILE_STRINGS,
  MALFORMED_JSON,
  ODD_DATES,
  ODD_NUMBER_TEXT,
  ODD_NUMBERS,
  ODD_QUERIES,
  percentEncode,
  withFirstMember,
  WRONG_TYPES,
} from './hostile-values.js';

export type Rng = {
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
};

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

/** The seed of request `index` of a run: neighbouring requests differ in every bit. */
export function requestSeed(runSeed: number, index: number): number {
  let h = (runSeed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Kinds of real ids the world holds, for path parameters and id-like fields. */
export type IdKind =
  | 'ticket'
  | 'task'
  | 'extension'
  | 'user'
  | 'department'
  | 'ticketType'
  | 'flowVersion'
  | 'notification'
  | 'token'
  | 'calendar';

/** What the generator draws real values from. */
export type FuzzWorld = {
  doc: Document;
  /** Caller names; the runner knows their credentials. `anonymous` sends none. */
  callers: readonly string[];
  ids: Record<IdKind, readonly string[]>;
  /** Values that pass for fields of these names (outcomes the flow offers, real e-mails, …). */
  known: { outcomes: readonly string[]; emails: readonly string[]; password: string; xml: string };
};

/**
 * Whose credentials the runner adds: the caller's; the caller's from another site (an Origin and
 * Sec-Fetch-Site of a foreign page); or none, the request carrying garbage of its own.
 */
export type Credentials = 'caller' | 'caller-cross-site' | 'garbage';

export type FuzzRequest = {
  seed: number;
  /** `METHOD /path/{param}` as the document names it (an undeclared method is marked so). */
  operation: string;
  /** How the request is wrong (`plausible`: not on purpose). */
  mutation: string;
  caller: string;
  credentials: Credentials;
  method: string;
  /** Path and query as sent on the request line. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
};

const MUTATIONS = [
  ['plausible', 16],
  ['wrong-type', 9],
  ['missing-field', 6],
  ['extra-field', 6],
  ['hostile-string', 14],
  ['hostile-parameter', 10],
  ['foreign-id', 10],
  ['odd-number', 5],
  ['big-body', 2],
  ['bad-content-type', 5],
  ['malformed-json', 5],
  ['deep-json', 2],
  ['odd-query', 4],
  ['wrong-method', 2],
  ['bad-credentials', 4],
] as const;
type Mutation = (typeof MUTATIONS)[number][0];

const BODY_MUTATIONS: ReadonlySet<Mutation> = new Set([
  'wrong-type',
  'missing-field',
  'extra-field',
  'hostile-string',
  'odd-number',
  'big-body',
  'bad-content-type',
  'malformed-json',
  'deep-json',
]);

function pickMutation(rng: Rng, hasBody: boolean): Mutation {
  const usable = MUTATIONS.filter(([m]) => hasBody || !BODY_MUTATIONS.has(m));
  let roll = rng.next() * usable.reduce((sum, [, w]) => sum + w, 0);
  for (const [m, w] of usable) if ((roll -= w) < 0) return m;
  return 'plausible';
}

/** Which ids a path parameter takes, by the collection it follows. */
const PATH_ID_KIND: Record<string, IdKind> = {
  tickets: 'ticket',
  tasks: 'task',
  'extension-requests': 'extension',
  'ticket-types': 'ticketType',
  'flow-versions': 'flowVersion',
  notifications: 'notification',
  tokens: 'token',
  users: 'user',
  departments: 'department',
  calendars: 'calendar',
};

/** Which ids a field or query parameter takes, by its name. */
const FIELD_ID_KIND: Record<string, IdKind> = {
  typeId: 'ticketType',
  type: 'ticketType',
  department: 'department',
  departments: 'department',
  leadUserId: 'user',
  assignee: 'user',
  ticketId: 'ticket',
  taskId: 'task',
};

const ALL_KINDS = Object.keys({
  ticket: 0,
  task: 0,
  extension: 0,
  user: 0,
  department: 0,
  ticketType: 0,
  flowVersion: 0,
  notification: 0,
  token: 0,
  calendar: 0,
} satisfies Record<IdKind, 0>) as IdKind[];

const UNDECLARED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

const text = (rng: Rng, min = 1, max = 24) => {
  const length = Math.max(min, Math.min(max, min + rng.int(12)));
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789 -';
  return Array.from({ length }, () => rng.pick([...letters])).join('');
};
const slug = (rng: Rng) => `fz-${rng.int(1e9).toString(36)}`;

/** A value the schema accepts in most cases: right types, enums, bounds and the fields' real ids. */
function plausible(world: FuzzWorld, raw: Schema, key: string, rng: Rng, depth = 0): unknown {
  const schema = resolveIn(world.doc, raw);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const concrete = alternatives.filter((s) => resolveIn(world.doc, s).type !== 'null');
    if (concrete.length < alternatives.length && rng.chance(0.1)) return null;
    return plausible(world, rng.pick(concrete.length ? concrete : alternatives), key, rng, depth);
  }
  if (schema.enum) return rng.pick(schema.enum);
  const type = typeOf(schema);
  const kind = FIELD_ID_KIND[key];
  switch (type) {
    case 'string': {
      if (kind && world.ids[kind].length) return rng.pick(world.ids[kind]);
      if (key === 'outcome') return rng.pick(world.known.outcomes);
      if (key === 'email')
        return rng.chance(0.5) ? rng.pick(world.known.emails) : `${slug(rng)}@example.test`;
      if (key === 'password') return rng.chance(0.5) ? world.known.password : text(rng, 10, 30);
      if (key === 'xml') return xmlVariant(world.known.xml, rng);
      if (key === 'from' || key === 'to')
        return rng.chance(0.2)
          ? rng.pick(['0001-01-01', '1970-01-01', '2100-12-31', '9999-12-31', '2026-03-16T09:00:00Z'])
          : `2026-0${1 + rng.int(9)}-1${rng.int(10)}`;
      if (key === 'timeZone') return rng.pick(['UTC', 'Europe/Berlin', 'Asia/Shanghai', 'America/New_York']);
      if (schema.format === 'email') return `${slug(rng)}@example.test`;
      if (schema.pattern?.includes(':[0-5]')) return rng.pick(['09:00', '12:30', '18:00', '24:00']);
      if (schema.pattern?.includes('\\d{4}-')) return `2026-0${1 + rng.int(9)}-1${rng.int(10)}`;
      if (schema.pattern?.startsWith('^[1-9]')) return String(1 + rng.int(50));
      if (schema.pattern?.startsWith('^[a-z0-9]')) return slug(rng);
      if (schema.pattern?.startsWith('^[A-Za-z]')) return `F${rng.int(1e6)}`;
      return text(rng, schema.minLength ?? 1, Math.min(schema.maxLength ?? 40, 40));
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = Math.min(schema.maximum ?? min + 1000, min + 1000);
      return min + rng.int(max - min + 1);
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'array': {
      if (schema.prefixItems) return schema.prefixItems.map((s) => plausible(world, s, key, rng, depth + 1));
      if (!schema.items || depth > 4) return [];
      const count = Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, rng.int(3)));
      return Array.from({ length: count }, () => plausible(world, schema.items!, key, rng, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [name, value] of Object.entries(schema.properties ?? {}))
        if (required.has(name) || rng.chance(0.6)) out[name] = plausible(world, value, name, rng, depth + 1);
      if (!schema.properties && schema.additionalProperties !== false && key === 'fields')
        out.orderNumber = `FZ-${rng.int(1e4)}`;
      else if (!schema.properties && schema.additionalProperties !== false && rng.chance(0.5))
        out[`k${rng.int(10)}`] = text(rng);
      return out;
    }
    default:
      return text(rng);
  }
}

/**
 * The fixture's flow as it is, or with one attribute made hostile: FEEL that loops or backtracks,
 * SLA targets out of any calendar's range, a transfer anywhere, a megabyte of attribute.
 */
function xmlVariant(xml: string, rng: Rng): string {
  const variants: [string | RegExp, string][] = [
    ['outcome = "refund"', rng.pick(HOSTILE_STRINGS.slice(8, 13))],
    ['outcome = "refund"', `${'outcome = "refund" or '.repeat(2_000)}false`],
    [
      /baton:sla="PT1H"/,
      `baton:sla="${rng.pick(['P99999999Y', 'P-1D', 'PT0S', 'PT0.0001S', 'P1Y2M3W4DT5H6M7S', 'x'])}"`,
    ],
    [/baton:sla="PT1H"/, 'baton:sla="PT1H" baton:warnAt="1e308" baton:severeAt="-5"'],
    [/baton:transferTo="refunds"/, 'baton:transferTo="*"'],
    [/baton:outcomes="refund,solved"/, `baton:outcomes="${'o,'.repeat(5_000)}refund"`],
    [/name="Triage"/, `name="${'T'.repeat(100_000)}"`],
    [
      /<bpmn:definitions /,
      '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><bpmn:definitions ',
    ],
  ];
  if (rng.chance(0.4)) return xml;
  const [from, to] = rng.pick(variants);
  return xml.replace(from, to);
}

type Slot = { path: (string | number)[]; value: unknown };

/** Every field of a JSON value with its path (the root too), for picking one to spoil. */
function slots(value: unknown, path: (string | number)[] = []): Slot[] {
  const here: Slot = { path, value };
  if (Array.isArray(value)) return [here, ...value.flatMap((v, i) => slots(v, [...path, i]))];
  if (value && typeof value === 'object')
    return [here, ...Object.entries(value).flatMap(([k, v]) => slots(v, [...path, k]))];
  return [here];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
  return copy;
}

function deleteAt(root: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  if (Array.isArray(parent)) parent.splice(Number(path.at(-1)), 1);
  else delete parent[path.at(-1)!];
  return copy;
}

/** `{"key": "xxxx…"}` of about `bytes` bytes, in one of a few shapes (one long string, many items, many keys). */
function bigBody(rng: Rng, key: string, bytes: number): string {
  switch (rng.int(3)) {
    case 0:
      return `{${JSON.stringify(key)}:"${'x'.repeat(bytes)}"}`;
    case 1: {
      const item = '"abcdefgh",';
      return `{${JSON.stringify(key)}:[${item.repeat(Math.floor(bytes / item.length))}"end"]}`;
    }
    default: {
      const count = Math.floor(bytes / 14);
      const members = Array.from({ length: count }, (_, i) => `"k${i.toString(36).padStart(6, '0')}":1`);
      return `{${members.join(',')}}`;
    }
  }
}

const MB = 1024 * 1024;

/** The request of `seed`: a pure function of the world and the seed. */
export function fuzzRequest(world: FuzzWorld, seed: number): FuzzRequest {
  const rng = seededRng(seed);
  const operations = operationsOf(world.doc);
  const { method: declaredMethod, path: template, op }: DocumentOperation = rng.pick(operations);
  const bodySchema = bodySchemaOf(world.doc, op);
  const hasBody = bodySchema !== undefined;
  const mutation = pickMutation(rng, hasBody);
  const caller = rng.pick(world.callers);
  const params = op.parameters ?? [];

  // Path parameters: a real id of the right kind, mostly.
  const pathValues: Record<string, string> = {};
  for (const p of params.filter((q) => q.in === 'path')) {
    const segment = template.split('/').at(template.split('/').indexOf(`{${p.name}}`) - 1)!;
    const kind = PATH_ID_KIND[segment];
    const pool = kind ? world.ids[kind] : [];
    pathValues[p.name] = percentEncode(pool.length ? rng.pick(pool) : slug(rng));
  }
  // Query parameters: each optional one half of the time, plausible values.
  const query: [string, string][] = [];
  for (const p of params.filter((q) => q.in === 'query')) {
    if (!p.required && rng.chance(0.5)) continue;
    const value = p.schema ? plausible(world, p.schema, p.name, rng) : text(rng);
    query.push([p.name, percentEncode(String(value))]);
  }
  if (query.some(([name, value]) => name === 'range' && value === 'custom') || rng.chance(0.1)) {
    for (const name of ['from', 'to'])
      if (params.some((p) => p.name === name) && !query.some(([n]) => n === name))
        query.push([name, `2026-0${1 + rng.int(9)}-1${rng.int(10)}`]);
  }
  let body: unknown = hasBody ? plausible(world, bodySchema, 'body', rng) : undefined;
  let bodyText: string | Buffer | undefined;
  let contentType: string | undefined = 'application/json';
  let method = declaredMethod;
  let credentials: Credentials = 'caller';
  let rawQuery: string | undefined;
  const headers: Record<string, string> = {};

  const pickParam = (where: Parameter['in']) => {
    const candidates = params.filter((p) => p.in === where);
    return candidates.length ? rng.pick(candidates) : undefined;
  };
  const stringSlots = () => slots(body).filter((s) => typeof s.value === 'string');
  const fieldSlots = () => slots(body).filter((s) => s.path.length > 0);

  switch (mutation) {
    case 'plausible':
      break;
    case 'wrong-type': {
      const slot = rng.pick(slots(body));
      body = setAt(body, slot.path, rng.pick(WRONG_TYPES));
      break;
    }
    case 'missing-field': {
      const fields = fieldSlots();
      body = fields.length && rng.chance(0.8) ? deleteAt(body, rng.pick(fields).path) : {};
      break;
    }
    case 'extra-field': {
      const key = rng.pick(EXTRA_KEYS);
      const value = JSON.stringify(rng.pick([...WRONG_TYPES, ...HOSTILE_STRINGS.slice(0, 8)]));
      bodyText =
        body && typeof body === 'object' && !Array.isArray(body)
          ? withFirstMember(JSON.stringify(body), key, value)
          : `{${JSON.stringify(key)}:${value}}`;
      break;
    }
    case 'hostile-string': {
      const hostile = rng.pick(HOSTILE_STRINGS);
      const strings = stringSlots();
      if (strings.length && rng.chance(0.8)) body = setAt(body, rng.pick(strings).path, hostile);
      else {
        // As a key: the hostile text names a member.
        const objects = slots(body).filter(
          (s) => s.value && typeof s.value === 'object' && !Array.isArray(s.value),
        );
        if (objects.length) {
          const slot = rng.pick(objects);
          body = setAt(body, slot.path, { ...(slot.value as object), [hostile]: 'x' });
        } else body = hostile;
      }
      break;
    }
    case 'hostile-parameter': {
      const hostile = rng.pick(HOSTILE_STRINGS);
      const inPath = pickParam('path');
      const inQuery = pickParam('query');
      if (inPath && (!inQuery || rng.chance(0.5))) {
        // Safe characters may go raw (`..` as a segment); the rest percent-encoded.
        pathValues[inPath.name] =
          /^[\w.~-]*$/.test(hostile) && rng.chance(0.5) ? hostile : percentEncode(hostile);
      } else {
        const name = inQuery?.name ?? rng.pick(['q', 'id', 'x']);
        const value = ['from', 'to'].includes(name) && rng.chance(0.5) ? rng.pick(ODD_DATES) : hostile;
        query.push([name, percentEncode(value)]);
      }
      break;
    }
    case 'foreign-id': {
      // A real id of another kind, or of the right kind from the whole pool (other departments').
      const inPath = pickParam('path');
      const kind = rng.pick(ALL_KINDS);
      const pool = world.ids[kind];
      const id = pool.length ? rng.pick(pool) : slug(rng);
      if (inPath) pathValues[inPath.name] = percentEncode(id);
      const idFields = stringSlots().filter((s) => FIELD_ID_KIND[String(s.path.at(-1))]);
      if (idFields.length) body = setAt(body, rng.pick(idFields).path, id);
      break;
    }
    case 'odd-number': {
      const numbers = slots(body).filter((s) => typeof s.value === 'number');
      const numericQuery = params.filter((p) => p.in === 'query' && typeOf(p.schema ?? {}) === 'integer');
      if (numbers.length && (!numericQuery.length || rng.chance(0.5))) {
        const slot = rng.pick(numbers);
        if (rng.chance(0.3))
          bodyText = JSON.stringify(setAt(body, slot.path, 0)).replace(/:0([,}])/, ':1e309$1');
        else body = setAt(body, slot.path, rng.pick(ODD_NUMBERS));
      } else if (numericQuery.length) {
        query.push([rng.pick(numericQuery).name, percentEncode(rng.pick(ODD_NUMBER_TEXT))]);
      } else body = setAt(body, rng.pick(slots(body)).path, rng.pick(ODD_NUMBERS));
      break;
    }
    case 'big-body': {
      const keys = Object.keys(bodySchema?.properties ?? {});
      bodyText = bigBody(rng, keys.length ? rng.pick(keys) : 'x', MB + rng.int(5 * MB));
      break;
    }
    case 'bad-content-type':
      contentType = rng.pick(BAD_CONTENT_TYPES);
      if (rng.chance(0.3)) bodyText = 'a=b&c=d';
      break;
    case 'malformed-json': {
      const json = JSON.stringify(body ?? {});
      bodyText = rng.chance(0.3)
        ? json.slice(0, rng.int(Math.max(1, json.length)))
        : rng.pick(MALFORMED_JSON);
      break;
    }
    case 'deep-json': {
      const deep = deepJson(rng.pick([10_000, 10_000, 100_000]), rng.pick(['array', 'object'] as const));
      const keys = Object.keys(bodySchema?.properties ?? {});
      bodyText = keys.length && rng.chance(0.7) ? `{${JSON.stringify(rng.pick(keys))}:${deep}}` : deep;
      break;
    }
    case 'odd-query':
      rawQuery = rng.pick(ODD_QUERIES);
      if (query.length && rng.chance(0.5)) query.push(rng.pick(query)); // a parameter twice
      break;
    case 'wrong-method': {
      const declared = Object.keys(world.doc.paths[template] ?? {}).map((m) => m.toUpperCase());
      const others = UNDECLARED_METHODS.filter((m) => !declared.includes(m));
      if (others.length) method = rng.pick(others);
      break;
    }
    case 'bad-credentials':
      if (rng.chance(0.25)) credentials = 'caller-cross-site';
      else {
        credentials = 'garbage';
        if (rng.chance(0.6))
          headers.authorization = rng.pick([
            'Bearer x',
            `Bearer bt_${'0'.repeat(43)}`,
            `Bearer ${'a'.repeat(5_000)}`,
            'Basic YWRtaW46YWRtaW4=',
            'Bearer',
            'Bearer a b',
            'Token abc',
            '',
          ]);
        else
          headers.cookie = rng.pick([
            'baton_session=forged',
            `baton_session=${'0'.repeat(64)}`,
            'baton_session=',
            'baton_session=a; baton_session=b',
            'baton_session=%ZZ',
            `baton_session=${'x'.repeat(8_000)}`,
          ]);
      }
      break;
  }

  const pathPart = template.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name] ?? slug(rng));
  const queryText = [...query.map(([k, v]) => `${k}=${v}`), ...(rawQuery ? [rawQuery] : [])].join('&');
  const sendsBody = method !== 'GET' && (hasBody || bodyText !== undefined || rng.chance(0.1));
  if (sendsBody) {
    bodyText ??= JSON.stringify(body ?? {});
    if (contentType !== undefined) headers['content-type'] = contentType;
  }
  if (method !== 'GET' && rng.chance(0.15))
    headers['idempotency-key'] = rng.pick(['fz-1', 'fz-2', `fz-${rng.int(1e9)}`, '', 'k'.repeat(201)]);
  return {
    seed,
    operation: method === declaredMethod ? `${method} ${template}` : `${method} ${template} (undeclared)`,
    mutation,
    caller,
    credentials,
    method,
    path: queryText ? `${pathPart}?${queryText}` : pathPart,
    headers,
    ...(sendsBody ? { body: bodyText } : {}),
  };
}
