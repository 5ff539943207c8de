/**
 * Mapping profiles: how one export names its files, sheets, columns, code values and dates, so
 * that it reads as the canonical format. A profile is JSON, checked with zod where it is loaded;
 * the canonical profile maps everything to itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { eventStatuses, eventTypes, legalBases, placementTypes, routes, sexes } from '../domain/codes.js';
import { isDateFormat } from './date-formats.js';
import { tableColumns, tableNames, type TableName } from './tables.js';

const columnNames = (table: TableName) => tableColumns[table].map((c) => c.name) as [string, ...string[]];

const aliases = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const tableProfile = (table: TableName) =>
  z.strictObject({
    file: z.string().min(1).default(`${table}.csv`),
    sheet: z.string().min(1).default(table),
    columns: z.partialRecord(z.enum(columnNames(table)), aliases).default({}),
  });

const valueMap = <T extends readonly [string, ...string[]]>(codes: T) => z.record(z.string(), z.enum(codes)).default({});

export const profileSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  dateFormats: z
    .array(z.string().refine(isDateFormat, { message: 'a date format is made of YYYY, MMM, MM, DD and separators, e.g. DD-MMM-YYYY' }))
    .min(1)
    .default(['YYYY-MM-DD', 'DD/MM/YYYY']),
  tables: z
    .strictObject({ children: tableProfile('children').prefault({}), placements: tableProfile('placements').prefault({}), events: tableProfile('events').prefault({}) })
    .prefault({}),
  values: z
    .strictObject({
      placement_type: valueMap(placementTypes),
      legal_basis: valueMap(legalBases),
      sex: valueMap(sexes),
      event_type: valueMap(eventTypes),
      route: valueMap(routes),
      status: valueMap(eventStatuses),
    })
    .prefault({}),
});

export type Profile = z.infer<typeof profileSchema>;

export type ProfileResult = { ok: true; value: Profile } | { ok: false; error: { code: 'profile-not-found' | 'profile-invalid'; name: string; detail: string } };

/** Where the shipped profiles live: `profiles/` at the root of the package (from src/ or dist/). */
export const profilesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'profiles');

/** A profile by name (`canonical`, or one shipped in profiles/) or by the path of a JSON file. */
export function loadProfile(nameOrPath = 'canonical'): ProfileResult {
  const isPath = nameOrPath.endsWith('.json') || nameOrPath.includes('/') || nameOrPath.includes('\\');
  const path = isPath ? nameOrPath : join(profilesDir, `${nameOrPath}.json`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { ok: false, error: { code: 'profile-not-found', name: nameOrPath, detail: `no such profile: ${path}` } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: { code: 'profile-invalid', name: nameOrPath, detail: `not JSON: ${error instanceof Error ? error.message : String(error)}` } };
  }
  return parseProfile(json, nameOrPath);
}

export function parseProfile(json: unknown, name: string): ProfileResult {
  const parsed = profileSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ');
  return { ok: false, error: { code: 'profile-invalid', name, detail } };
}

/** The header names accepted for a canonical column: the profile's names, and the canonical name itself. */
export function headerNamesFor(profile: Profile, table: TableName, column: string): string[] {
  const mapped = (profile.tables[table].columns as Partial<Record<string, string | string[]>>)[column];
  const names = mapped === undefined ? [] : Array.isArray(mapped) ? mapped : [mapped];
  return [...names, column];
}

export { tableNames };

/** The profiles shipped in profiles/, canonical first, with their descriptions (for a chooser). */
export function shippedProfiles(): { name: string; description: string }[] {
  const names = readdirSync(profilesDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort((a, b) => (a === 'canonical' ? -1 : b === 'canonical' ? 1 : a.localeCompare(b)));
  return names.flatMap((name) => {
    const loaded = loadProfile(name);
    return loaded.ok ? [{ name, description: loaded.value.description ?? '' }] : [];
  });
}
