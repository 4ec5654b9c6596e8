/**
 * Steps that upgrade an indicator-system file to the next format version, applied when a file is loaded
 * (shipped templates, workspace copies, files exported by an older program). Each step works on the raw
 * JSON and leaves anything it does not recognise untouched, so the schema reports it with its path.
 */
export type SystemMigration = (doc: Record<string, unknown>) => Record<string, unknown>;

const TOTAL = '全市';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Version 1 held one year of district targets (`byRegion`, with the year in the system's
 * `regionTargetYear`) and one list of milestones that applied to whichever year was computed. Version 2
 * keys both by year: they move to the year they were written for (`regionTargetYear`, else the first of
 * `years`, the plan year). A 全市 column of the district table becomes that year's target, which is what
 * the calculations always used for the 全市 row.
 */
export function systemV1ToV2(doc: Record<string, unknown>): Record<string, unknown> {
  const { regionTargetYear, ...rest } = doc;
  const years = Array.isArray(doc['years']) ? doc['years'].filter((y): y is string => typeof y === 'string') : [];
  const planYear = typeof regionTargetYear === 'string' ? regionTargetYear : years[0];
  const indicators = Array.isArray(doc['indicators'])
    ? doc['indicators'].map((ind: unknown) => (isRecord(ind) && planYear ? indicatorV1ToV2(ind, planYear) : ind))
    : doc['indicators'];
  return { ...rest, indicators };
}

function indicatorV1ToV2(ind: Record<string, unknown>, year: string): Record<string, unknown> {
  const { byRegion, milestones, ...out } = ind;
  if (isRecord(byRegion)) {
    const { [TOTAL]: city, ...districts } = byRegion;
    if (Object.keys(districts).length > 0) out['regionTargets'] = { [year]: districts };
    if (city !== undefined) {
      const targets = isRecord(ind['targets']) ? { ...ind['targets'] } : {};
      const own = targets[year];
      if (own !== undefined && own !== city) {
        const notes = Array.isArray(ind['notes']) ? [...(ind['notes'] as unknown[])] : [];
        notes.push(
          `格式升级：分解表中全市目标“${String(city)}”与${year}年目标“${String(own)}”不同，按分解表取“${String(city)}”（计算一直按此）`,
        );
        out['notes'] = notes;
      }
      targets[year] = city;
      out['targets'] = targets;
    }
  } else if (byRegion !== undefined) {
    out['byRegion'] = byRegion;
  }
  if (Array.isArray(milestones)) {
    if (milestones.length > 0) out['milestones'] = { [year]: milestones };
  } else if (milestones !== undefined) {
    out['milestones'] = milestones;
  }
  return out;
}

/** Format version N → N + 1. */
export const SYSTEM_MIGRATIONS: Readonly<Record<number, SystemMigration>> = { 1: systemV1ToV2 };
