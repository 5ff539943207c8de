/**
 * The API's reference page from its own OpenAPI document (what /api/openapi.json serves), so the
 * page and the document cannot disagree: each operation with its parameters, its body's fields and
 * each answer's fields, nested objects and arrays flattened to paths (`journeys[].child_id`).
 */

/** The parts of an OpenAPI 3.1 document the page reads. */
interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly description?: string;
  readonly enum?: readonly unknown[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly default?: unknown;
}

interface OpenApiOperation {
  readonly summary?: string;
  readonly tags?: readonly string[];
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  readonly parameters?: readonly { readonly name: string; readonly in: string; readonly required?: boolean; readonly description?: string; readonly schema?: JsonSchema }[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: JsonSchema }>> };
  readonly responses?: Readonly<Record<string, { readonly description?: string; readonly content?: Readonly<Record<string, { readonly schema?: JsonSchema }>> }>>;
}

export interface OpenApiDocument {
  readonly info: { readonly title: string; readonly description?: string };
  readonly tags?: readonly { readonly name: string; readonly description?: string }[];
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
}

export interface ApiField {
  /** Its path in the body: `journeys[].child_id`. */
  readonly name: string;
  /** In words: `string or null`, `date`, `array of objects`. */
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
  /** The values it may take, when they are listed. */
  readonly values: readonly string[];
}

export interface ApiResponse {
  readonly status: string;
  readonly description: string;
  /** The fields of the body; null for the error body, described once for every error. */
  readonly fields: readonly ApiField[] | null;
}

export interface ApiOperation {
  /** For the page's own links: `get-api-v1-authorities-code-aims`. */
  readonly anchor: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly bearer: boolean;
  readonly parameters: readonly (ApiField & { readonly in: string })[];
  readonly body: readonly ApiField[] | null;
  readonly responses: readonly ApiResponse[];
}

export interface ApiDocsModel {
  readonly title: string;
  readonly description: string;
  readonly groups: readonly { readonly tag: string; readonly description: string; readonly operations: readonly ApiOperation[] }[];
  readonly errorFields: readonly ApiField[];
}

const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;

export function presentApiDocs(doc: OpenApiDocument): ApiDocsModel {
  const operations: (ApiOperation & { tag: string })[] = [];
  let errorFields: readonly ApiField[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of methods) {
      const op = item[method];
      if (!op) continue;
      const responses = Object.entries(op.responses ?? {}).map(([status, response]): ApiResponse => {
        const schema = response.content?.['application/json']?.schema;
        const fields = schema ? fieldsOf(schema) : [];
        const isError = Number(status) >= 400 && schema?.properties?.error !== undefined;
        if (isError && errorFields.length === 0) errorFields = fields;
        return { status, description: response.description ?? '', fields: isError ? null : fields };
      });
      const body = op.requestBody?.content?.['application/json']?.schema;
      operations.push({
        tag: op.tags?.[0] ?? '',
        anchor: `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '').toLowerCase(),
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? '',
        bearer: (op.security ?? []).some((s) => 'bearer' in s),
        parameters: (op.parameters ?? []).map((p) => ({ ...fieldOf(p.name, p.schema ?? {}, p.required ?? false), description: p.description ?? p.schema?.description ?? '', in: p.in })),
        body: body ? fieldsOf(body) : null,
        responses,
      });
    }
  }
  const tags = doc.tags ?? [];
  const tagNames = [...tags.map((t) => t.name), ...operations.map((o) => o.tag).filter((t) => !tags.some((d) => d.name === t))];
  return {
    title: doc.info.title,
    description: doc.info.description ?? '',
    groups: [...new Set(tagNames)].map((tag) => ({ tag, description: tags.find((t) => t.name === tag)?.description ?? '', operations: operations.filter((o) => o.tag === tag) })).filter((g) => g.operations.length > 0),
    errorFields,
  };
}

/** Every field of a body, depth first: an object's or an array's own row, then its fields. */
export function fieldsOf(schema: JsonSchema, prefix = ''): ApiField[] {
  const rows: ApiField[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    rows.push(fieldOf(path, property, required.has(name)));
    if (property.properties) rows.push(...fieldsOf(property, `${path}.`));
    else if (property.items?.properties) rows.push(...fieldsOf(property.items, `${path}[].`));
  }
  return rows;
}

function fieldOf(name: string, schema: JsonSchema, required: boolean): ApiField {
  const values = (schema.enum ?? []).filter((v) => v !== null).map(String);
  const withDefault = schema.default === undefined ? '' : ` (default: ${String(schema.default)})`;
  return { name, type: typeWords(schema), required, description: `${schema.description ?? ''}${withDefault}`, values };
}

function typeWords(schema: JsonSchema): string {
  const types = typeof schema.type === 'string' ? [schema.type] : [...(schema.type ?? [])];
  return types
    .map((type) => {
      if (type === 'array') return schema.items ? `array of ${plural(typeWords(schema.items))}` : 'array';
      if (type === 'string' && schema.format === 'date') return 'date';
      return type;
    })
    .join(' or ');
}

function plural(words: string): string {
  return words
    .split(' or ')
    .map((w) => (w === 'null' ? w : `${w}s`))
    .join(' or ');
}
