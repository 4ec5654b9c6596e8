import { milestoneProblems } from '../domain/progress';
import type { IndicatorSystem, Milestone, MilestonePeriod } from '../schemas/indicator-system';
import { TOTAL_REGION } from './accessors';

/**
 * The districts a system may name: those of its city's region list (templates/regions), plus those a
 * workspace added (工作区的区县). null when the city has no region list at all.
 */
export interface KnownRegions {
  city: string;
  names: readonly string[];
}

/**
 * What the schema alone cannot check, in Chinese with the place (`indicators[3]（名称）.regionTargets.2026`):
 * unique ids, known categories, parents, districts and previous-year links, and contradictory milestones.
 * Empty when the system is consistent.
 */
export function systemProblems(system: IndicatorSystem, known: KnownRegions | null): string[] {
  const out: string[] = [];
  if (!known) out.push(`city：没有城市“${system.city}”的区县清单（templates/regions/），请先添加`);
  const knownNames = new Set(known?.names ?? []);
  const seenRegions = new Set<string>();
  system.regions.forEach((name, i) => {
    if (known && !knownNames.has(name)) {
      out.push(`regions[${i}]：未知区县“${name}”，${system.city}的区县为 ${[...knownNames].join('、')}`);
    }
    if (name === TOTAL_REGION) out.push(`regions[${i}]：“${TOTAL_REGION}”不是区县，不要列在 regions 中`);
    if (seenRegions.has(name)) out.push(`regions[${i}]：区县“${name}”重复`);
    seenRegions.add(name);
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
  if (system.previous?.systemId === system.id) out.push('previous：体系不能以自己作为上一年度体系');
  const regions = new Set(system.regions);
  system.indicators.forEach((ind, i) => {
    const at = `indicators[${i}]（${ind.name}）`;
    if (ind.category && !categoryIds.has(ind.category))
      out.push(`${at}.category：类别“${ind.category}”不在 categories 中`);
    if (ind.parent && !ids.has(ind.parent)) out.push(`${at}.parent：上级指标“${ind.parent}”不存在`);
    if (ind.parent === ind.id) out.push(`${at}.parent：指标不能是自己的上级指标`);
    for (const [year, byRegion] of Object.entries(ind.regionTargets)) {
      for (const key of Object.keys(byRegion)) {
        if (key === TOTAL_REGION)
          out.push(`${at}.regionTargets.${year}：全市目标请填在 targets.${year}，分解目标只列区县`);
        else if (!regions.has(key))
          out.push(`${at}.regionTargets.${year}：未知区县“${key}”，应为本体系 regions 中的名称`);
      }
    }
    const links = new Set<string>();
    ind.sameAs?.forEach((link, j) => {
      const key = `${link.systemId}/${link.indicatorId}`;
      if (link.systemId === system.id)
        out.push(`${at}.sameAs[${j}]：同一数据只能关联另一个体系的指标，本体系内请不要重复设置指标`);
      if (links.has(key)) out.push(`${at}.sameAs[${j}]：重复关联“${key}”`);
      links.add(key);
    });
    for (const [year, list] of Object.entries(ind.milestones)) {
      for (const p of milestoneProblems(list)) out.push(`${at}.milestones.${year}：${p}`);
    }
    for (const [year, byRegion] of Object.entries(ind.regionMilestones)) {
      for (const [region, list] of Object.entries(byRegion)) {
        if (!regions.has(region))
          out.push(`${at}.regionMilestones.${year}：未知区县“${region}”，应为本体系 regions 中的名称`);
        for (const p of milestoneProblems(list)) out.push(`${at}.regionMilestones.${year}.${region}：${p}`);
      }
    }
  });
  return out;
}

export const MILESTONE_PERIOD_NAMES: Readonly<Record<MilestonePeriod, string>> = {
  Q1: '一季度',
  Q2: '二季度',
  Q3: '三季度',
  Q4: '四季度',
  H1: '上半年',
  H2: '下半年',
};

/** "一季度 30%，二季度 65%" for messages and the detail panel. */
export function milestonesText(list: readonly Milestone[]): string {
  return list.map((m) => `${MILESTONE_PERIOD_NAMES[m.period]} ${m.percent}%`).join('，');
}
