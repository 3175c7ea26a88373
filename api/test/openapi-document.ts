// The parts of /api/openapi.json that tests walk: every operation with its parameters and JSON
// body schema, references resolved, and a value of a schema's shape to start a request from.

export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  example?: unknown;
};

export type Parameter = {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: Schema;
};

export type Operation = {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: { 'application/json': { schema: Schema } } };
  security?: Record<string, string[]>[];
  responses?: Record<string, unknown>;
};

export type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

export type DocumentOperation = { method: string; path: string; op: Operation };

export const operationsOf = (doc: Document): DocumentOperation[] =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );

/** The schema a `$ref` points to (followed until it is not a reference). */
export const resolveIn = (doc: Document, schema: Schema): Schema =>
  schema.$ref ? resolveIn(doc, doc.components.schemas[schema.$ref.split('/').pop()!]!) : schema;

/** The JSON body schema of an operation, resolved, if it takes one. */
export const bodySchemaOf = (doc: Document, op: Operation): Schema | undefined => {
  const schema = op.requestBody?.content['application/json'].schema;
  return schema ? resolveIn(doc, schema) : undefined;
};

/** The schema's non-null type. */
export const typeOf = (schema: Schema): string | undefined =>
  Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;

/**
 * A value of the schema's shape: the first enum value, the first non-null alternative, every
 * declared property, the minimum of a number, `x` for a string. Not necessarily valid (a pattern
 * or format is not followed): callers that need it valid fill those fields themselves.
 */
export function sampleOf(doc: Document, raw: Schema): unknown {
  const schema = resolveIn(doc, raw);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives)
    return sampleOf(doc, alternatives.find((s) => resolveIn(doc, s).type !== 'null') ?? alternatives[0]!);
  if (schema.enum) return schema.enum[0];
  switch (typeOf(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) out[key] = sampleOf(doc, value);
      if (!schema.properties && schema.additionalProperties !== false) out.k = 'v';
      return out;
    }
    case 'array':
      return schema.prefixItems
        ? schema.prefixItems.map((s) => sampleOf(doc, s))
        : schema.items
          ? [sampleOf(doc, schema.items)]
          : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return 'x';
  }
}

/** The path with its `{name}` parameters filled in (percent-encoded); a missing one is `nope.1`. */
export const fillPath = (path: string, values: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? 'nope.1'));
