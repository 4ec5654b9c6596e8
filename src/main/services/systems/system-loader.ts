import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  IndicatorSystemSchema,
  SYSTEM_FORMAT_VERSION,
  type IndicatorSystem,
} from '../../../shared/schemas/indicator-system';
import { RegionRegistrySchema, type RegionRegistry } from '../../../shared/schemas/region';
import { normalizeSystem } from '../../../shared/systems/accessors';
import { SYSTEM_MIGRATIONS } from '../../../shared/systems/migrate';
import { systemProblems, type KnownRegions } from '../../../shared/systems/validate';
import { zodErrorToChinese } from '../../../shared/zod-chinese';
import { migrate } from '../storage/migrations';

/** A problem found in one file: which file, where inside it, and what is wrong (Chinese). */
export interface FileProblem {
  file: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: FileProblem[] };

const MAX_SYSTEM_FILE_BYTES = 2 * 1024 * 1024;

/** A file a newer program wrote is not damaged: it says so rather than listing schema errors. */
export function newerFormat(value: unknown, current: number): string | null {
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version !== 'number' || version <= current) return null;
  return `文件是更新版本的程序写的（格式第 ${version} 版，本程序只认到第 ${current} 版），请升级程序后再打开`;
}

function parseJson(text: string, file: string): ParseResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, problems: [{ file, message: `不是有效的 JSON 文件（${why}），请用文本编辑器检查括号和逗号` }] };
  }
}

export function parseRegionRegistry(text: string, file: string): ParseResult<RegionRegistry> {
  const json = parseJson(text, file);
  if (!json.ok) return json;
  const parsed = RegionRegistrySchema.safeParse(json.value);
  if (!parsed.success) {
    return { ok: false, problems: zodErrorToChinese(parsed.error, json.value).map((message) => ({ file, message })) };
  }
  return { ok: true, value: parsed.data };
}

/**
 * The districts a system of a city may name: the city's region list, plus the workspace's own districts
 * (a workspace may add one the list does not have). null when the city has no list.
 */
export function knownRegionsFor(
  city: string,
  registries: ReadonlyMap<string, RegionRegistry> | readonly RegionRegistry[],
  extra: readonly string[] = [],
): KnownRegions | null {
  const registry = [...registries.values()].find((r) => r.city === city);
  if (!registry) return null;
  return { city, names: [...new Set([...registry.regions.map((r) => r.short), ...extra])] };
}

/**
 * Parses one indicator-system file: upgrades an older format version, parses the schema, derives `years`,
 * and checks what the schema alone cannot (unique ids, known categories, parents, districts, milestones).
 */
export function parseIndicatorSystem(
  text: string,
  file: string,
  registries: ReadonlyMap<string, RegionRegistry>,
  extraRegions: readonly string[] = [],
): ParseResult<IndicatorSystem> {
  const json = parseJson(text, file);
  if (!json.ok) return json;
  const checked = validateSystem(json.value, registries, extraRegions);
  return checked.ok ? checked : { ok: false, problems: checked.problems.map((message) => ({ file, message })) };
}

/**
 * Validates a system object of any known format version (migrated first), schema and cross-references;
 * returns the normalised system, or the Chinese problems.
 */
export function validateSystem(
  system: unknown,
  registries: ReadonlyMap<string, RegionRegistry> | readonly RegionRegistry[],
  extraRegions: readonly string[] = [],
): { ok: true; value: IndicatorSystem } | { ok: false; problems: string[] } {
  const migrated = migrate(system, SYSTEM_FORMAT_VERSION, SYSTEM_MIGRATIONS);
  if (!migrated.ok) return { ok: false, problems: [`formatVersion：${migrated.message}`] };
  const parsed = IndicatorSystemSchema.safeParse(migrated.doc);
  if (!parsed.success) return { ok: false, problems: zodErrorToChinese(parsed.error, migrated.doc) };
  const value = normalizeSystem(parsed.data);
  const problems = systemProblems(value, knownRegionsFor(value.city, registries, extraRegions));
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

export interface LoadedSystems {
  systems: IndicatorSystem[];
  registries: RegionRegistry[];
  problems: FileProblem[];
}

async function readLimited(path: string, label: string): Promise<ParseResult<string>> {
  const buf = await readFile(path);
  if (buf.byteLength > MAX_SYSTEM_FILE_BYTES) {
    return {
      ok: false,
      problems: [
        { file: label, message: `文件过大（${Math.round(buf.byteLength / 1024)} KB），指标体系文件不应超过 2 MB` },
      ],
    };
  }
  return { ok: true, value: buf.toString('utf8') };
}

/** The .json files of a folder; links are left out (a workspace reports them itself and reads nothing through them). */
async function jsonFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

export async function loadRegionRegistries(
  regionsDir: string,
  labelPrefix = 'regions',
): Promise<{ registries: RegionRegistry[]; problems: FileProblem[] }> {
  const registries: RegionRegistry[] = [];
  const problems: FileProblem[] = [];
  for (const name of await jsonFiles(regionsDir)) {
    const label = `${labelPrefix}/${name}`;
    const text = await readLimited(join(regionsDir, name), label);
    if (!text.ok) {
      problems.push(...text.problems);
      continue;
    }
    const r = parseRegionRegistry(text.value, label);
    if (r.ok) registries.push(r.value);
    else problems.push(...r.problems);
  }
  return { registries, problems };
}

/** Loads every system in a folder; a bad file is reported and skipped, the others still load. */
export async function loadSystemsDir(
  systemsDir: string,
  registries: RegionRegistry[],
  labelPrefix = 'systems',
  extraRegions: readonly string[] = [],
): Promise<{ systems: IndicatorSystem[]; problems: FileProblem[] }> {
  const byCity = new Map(registries.map((r) => [r.cityId, r]));
  const systems: IndicatorSystem[] = [];
  const problems: FileProblem[] = [];
  const seen = new Map<string, string>();
  for (const name of await jsonFiles(systemsDir)) {
    const label = `${labelPrefix}/${name}`;
    const text = await readLimited(join(systemsDir, name), label);
    if (!text.ok) {
      problems.push(...text.problems);
      continue;
    }
    const r = parseIndicatorSystem(text.value, label, byCity, extraRegions);
    if (!r.ok) {
      problems.push(...r.problems);
      continue;
    }
    const previous = seen.get(r.value.id);
    if (previous) {
      problems.push({ file: label, message: `id：体系编号“${r.value.id}”与 ${previous} 重复，已跳过本文件` });
      continue;
    }
    seen.set(r.value.id, label);
    systems.push(r.value);
  }
  return { systems, problems };
}

/** Loads the shipped templates: templates/regions and templates/systems. */
export async function loadTemplates(templatesDir: string): Promise<LoadedSystems> {
  const regions = await loadRegionRegistries(join(templatesDir, 'regions'), 'templates/regions');
  const systems = await loadSystemsDir(join(templatesDir, 'systems'), regions.registries, 'templates/systems');
  return {
    systems: systems.systems,
    registries: regions.registries,
    problems: [...regions.problems, ...systems.problems],
  };
}
