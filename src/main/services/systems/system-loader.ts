import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  IndicatorSystemSchema,
  SYSTEM_FORMAT_VERSION,
  type IndicatorSystem,
} from '../../../shared/schemas/indicator-system';
import { RegionRegistrySchema, TOTAL_REGION, type RegionRegistry } from '../../../shared/schemas/region';
import { zodErrorToChinese } from '../../../shared/zod-chinese';

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
 * Parses one indicator-system file and checks what the schema alone cannot:
 * unique ids, known categories, parents and regions.
 */
export function parseIndicatorSystem(
  text: string,
  file: string,
  registries: ReadonlyMap<string, RegionRegistry>,
): ParseResult<IndicatorSystem> {
  const json = parseJson(text, file);
  if (!json.ok) return json;
  const newer = newerFormat(json.value, SYSTEM_FORMAT_VERSION);
  if (newer) return { ok: false, problems: [{ file, message: newer }] };
  const parsed = IndicatorSystemSchema.safeParse(json.value);
  if (!parsed.success) {
    return { ok: false, problems: zodErrorToChinese(parsed.error, json.value).map((message) => ({ file, message })) };
  }
  const system = parsed.data;
  const problems = crossCheck(system, registries).map((message) => ({ file, message }));
  return problems.length ? { ok: false, problems } : { ok: true, value: system };
}

/** Validates a system object (schema and cross-references); returns Chinese problems, empty when valid. */
export function validateSystem(
  system: unknown,
  registries: ReadonlyMap<string, RegionRegistry>,
): { ok: true; value: IndicatorSystem } | { ok: false; problems: string[] } {
  const parsed = IndicatorSystemSchema.safeParse(system);
  if (!parsed.success) return { ok: false, problems: zodErrorToChinese(parsed.error, system) };
  const problems = crossCheck(parsed.data, registries);
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

function crossCheck(system: IndicatorSystem, registries: ReadonlyMap<string, RegionRegistry>): string[] {
  const out: string[] = [];
  const registry = [...registries.values()].find((r) => r.city === system.city);
  if (!registry) out.push(`city：没有城市“${system.city}”的区县清单（templates/regions/），请先添加`);
  const known = new Set(registry?.regions.map((r) => r.short) ?? []);
  system.regions.forEach((name, i) => {
    if (registry && !known.has(name)) {
      out.push(`regions[${i}]：未知区县“${name}”，${system.city}的区县为 ${[...known].join('、')}`);
    }
  });
  const categoryIds = new Set<string>();
  system.categories.forEach((c, i) => {
    if (categoryIds.has(c.id)) out.push(`categories[${i}].id：类别编号“${c.id}”重复`);
    categoryIds.add(c.id);
  });
  const ids = new Set<string>();
  system.indicators.forEach((ind, i) => {
    if (ids.has(ind.id)) out.push(`indicators[${i}].id：指标编号“${ind.id}”重复，每个指标的编号必须唯一`);
    ids.add(ind.id);
  });
  const allowedRegionKeys = new Set([...system.regions, TOTAL_REGION]);
  system.indicators.forEach((ind, i) => {
    const at = `indicators[${i}]（${ind.name}）`;
    if (ind.category && !categoryIds.has(ind.category))
      out.push(`${at}.category：类别“${ind.category}”不在 categories 中`);
    if (ind.parent && !ids.has(ind.parent)) out.push(`${at}.parent：上级指标“${ind.parent}”不存在`);
    for (const key of Object.keys(ind.byRegion ?? {})) {
      if (!allowedRegionKeys.has(key))
        out.push(`${at}.byRegion：未知区县“${key}”，应为 regions 中的名称或“${TOTAL_REGION}”`);
    }
    if (ind.byRegion && !system.regionTargetYear) out.push(`${at}.byRegion：有分区县目标时必须填写 regionTargetYear`);
    for (const year of Object.keys(ind.targets)) {
      if (!system.years.includes(year) && !ind.base) {
        out.push(`${at}.targets.${year}：年份不在本体系的 years（${system.years.join('、')}）中`);
      }
    }
  });
  return out;
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
    const r = parseIndicatorSystem(text.value, label, byCity);
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
