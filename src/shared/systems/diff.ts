import type { Indicator, IndicatorSystem, Milestone, TargetValue } from '../schemas/indicator-system';
import { milestonesText } from './validate';

/** One change of a system as the audit trail shows it: what, the old text and the new text (null: none). */
export interface SystemChange {
  what: string;
  old: string | null;
  new: string | null;
}

const KIND: Record<Indicator['kind'], string> = {
  level: '总量',
  growth: '增速',
  share: '占比/比率',
  count: '个数',
  perUnit: '人均/亩均',
};
const FREQUENCY: Record<Indicator['frequency'], string> = { monthly: '按月', quarterly: '按季', annual: '按年' };
const DIRECTION: Record<Indicator['direction'], string> = { higher: '越大越好', lower: '越小越好' };
const RANK_BY: Record<NonNullable<Indicator['rankBy']>, string> = {
  value: '按数值',
  growth: '按增速',
  completion: '按完成率',
};

function text(t: TargetValue | undefined | null): string | null {
  return t === undefined || t === null ? null : String(t);
}

function list(items: readonly string[]): string | null {
  return items.length ? items.join('、') : null;
}

function ms(m: readonly Milestone[] | undefined): string | null {
  return m && m.length ? milestonesText(m) : null;
}

function push(out: SystemChange[], what: string, a: string | null, b: string | null): void {
  if (a !== b) out.push({ what, old: a, new: b });
}

function keysOf(...records: (Record<string, unknown> | undefined)[]): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r ?? {})))].sort();
}

function indicatorChanges(
  out: SystemChange[],
  a: Indicator,
  b: Indicator,
  categoryName: (id?: string) => string | null,
) {
  const at = `指标“${b.name}”`;
  push(out, `${at} 名称`, a.name, b.name);
  push(out, `${at} 单位`, a.unit || null, b.unit || null);
  push(out, `${at} 类型`, KIND[a.kind], KIND[b.kind]);
  push(out, `${at} 方向`, DIRECTION[a.direction], DIRECTION[b.direction]);
  push(out, `${at} 小数位`, String(a.decimals), String(b.decimals));
  push(out, `${at} 报送频度`, FREQUENCY[a.frequency], FREQUENCY[b.frequency]);
  push(out, `${at} 累计数`, a.ytd ? '是' : '否', b.ytd ? '是' : '否');
  push(out, `${at} 全市为各区县之和`, a.cityIsSumOfRegions ? '是' : '否', b.cityIsSumOfRegions ? '是' : '否');
  push(out, `${at} 排名方式`, a.rankBy ? RANK_BY[a.rankBy] : null, b.rankBy ? RANK_BY[b.rankBy] : null);
  push(out, `${at} 属性`, a.nature ?? null, b.nature ?? null);
  push(out, `${at} 序号`, a.seq ?? null, b.seq ?? null);
  push(out, `${at} 类别`, categoryName(a.category), categoryName(b.category));
  push(out, `${at} 上级指标`, a.parent ?? null, b.parent ?? null);
  push(out, `${at} 责任单位`, list(a.responsible), list(b.responsible));
  push(out, `${at} 标记`, a.markers.join('') || null, b.markers.join('') || null);
  push(out, `${at} 说明`, list(a.notes), list(b.notes));
  push(out, `${at} 状态`, a.archived ? '已停用' : '使用中', b.archived ? '已停用' : '使用中');
  for (const y of keysOf(a.targets, b.targets)) push(out, `${at} ${y}年目标`, text(a.targets[y]), text(b.targets[y]));
  for (const y of keysOf(a.regionTargets, b.regionTargets)) {
    const ra = a.regionTargets[y] ?? {};
    const rb = b.regionTargets[y] ?? {};
    for (const r of keysOf(ra, rb)) push(out, `${at} ${y}年分解目标 ${r}`, text(ra[r]), text(rb[r]));
  }
  for (const y of keysOf(a.milestones, b.milestones))
    push(out, `${at} ${y}年节点`, ms(a.milestones[y]), ms(b.milestones[y]));
  for (const y of keysOf(a.regionMilestones, b.regionMilestones)) {
    const ra = a.regionMilestones[y] ?? {};
    const rb = b.regionMilestones[y] ?? {};
    for (const r of keysOf(ra, rb)) push(out, `${at} ${y}年节点 ${r}`, ms(ra[r]), ms(rb[r]));
  }
}

/**
 * Every difference between two versions of a system, field by field, in Chinese: the audit trail's
 * "old → new" of an edit, whatever the edit was.
 */
export function diffSystems(before: IndicatorSystem, after: IndicatorSystem): SystemChange[] {
  const out: SystemChange[] = [];
  push(out, '体系名称', before.title, after.title);
  const [docBefore, docAfter] = [before.document, after.document];
  push(out, '来源文件', docBefore.title, docAfter.title);
  push(out, '文号', docBefore.docNumber ?? null, docAfter.docNumber ?? null);
  push(out, '工作年度', before.year ?? null, after.year ?? null);
  push(out, '上一年度体系', before.previous?.systemId ?? null, after.previous?.systemId ?? null);
  push(out, '区县', list(before.regions), list(after.regions));
  push(out, '类别', list(before.categories.map((c) => c.name)), list(after.categories.map((c) => c.name)));
  const nameOf = (system: IndicatorSystem) => (id?: string) =>
    id ? (system.categories.find((c) => c.id === id)?.name ?? id) : null;
  const beforeById = new Map(before.indicators.map((i) => [i.id, i]));
  const afterById = new Map(after.indicators.map((i) => [i.id, i]));
  for (const ind of before.indicators) {
    if (!afterById.has(ind.id)) push(out, `指标“${ind.name}”`, '存在', null);
  }
  for (const ind of after.indicators) {
    const old = beforeById.get(ind.id);
    if (!old) push(out, `指标“${ind.name}”`, null, '新增');
    else {
      const changes: SystemChange[] = [];
      indicatorChanges(changes, old, ind, (id) => nameOf(after)(id) ?? nameOf(before)(id));
      out.push(...changes);
    }
  }
  const order = (s: IndicatorSystem) =>
    s.indicators
      .filter((i) => beforeById.has(i.id) && afterById.has(i.id))
      .map((i) => i.id)
      .join(',');
  if (order(before) !== order(after)) out.push({ what: '指标顺序', old: '原顺序', new: '已调整' });
  return out;
}
