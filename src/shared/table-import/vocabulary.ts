import type { Direction, Frequency, IndicatorKind, Milestone, RankBy } from '../schemas/indicator-system';
import { TOTAL_REGION } from '../schemas/region';
import type { ColumnRole, ColumnRoleName } from './schemas';

/** Full-width forms to half-width, whitespace and line breaks removed: how headers and names are compared. */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The province average, entered like a region. */
export const PROVINCE = '全省';

/** The regions of the workspace's city, as the region registry lists them. */
export interface RegionDirectory {
  city: string;
  regions: { short: string; name: string }[];
  /** Extra names the clerk's tables use for a region (renamed districts), short name by alias. */
  aliases?: Record<string, string>;
}

const CITY_WORDS = new Set(['全市', '全市合计', '合计', '总计', '全市目标', '市合计', '全市总计']);
const PROVINCE_WORDS = new Set(['全省', '全省平均', '省均', '全省均值', '浙江省', '全省合计']);

/** The short name of the region a header or cell names (吴兴区 → 吴兴), 全市, 全省, or null. */
export function matchRegion(text: string, dir: RegionDirectory): string | null {
  const t = squash(text).replace(/[(（][^)）]*[)）]$/, '');
  if (t === '') return null;
  if (CITY_WORDS.has(t) || t === dir.city || t === `${dir.city}市`) return TOTAL_REGION;
  if (PROVINCE_WORDS.has(t)) return PROVINCE;
  for (const r of dir.regions) if (t === r.short || t === r.name) return r.short;
  const alias = dir.aliases?.[t];
  if (alias) return alias;
  for (const r of dir.regions) {
    const rest = t.startsWith(r.short) ? t.slice(r.short.length) : null;
    if (rest !== null && /^(区|县|市|新区|管委会)$/.test(rest)) return r.short;
  }
  return null;
}

/** The first four-digit year written in a text ("2026年主要指标…" → 2026), when it names only one. */
export function singleYear(text: string): string | null {
  const years = [...new Set([...squash(text).matchAll(/((?:19|20)\d{2})(?!\d)/g)].map((m) => m[1] ?? ''))];
  return years.length === 1 ? (years[0] ?? null) : null;
}

/** A header's meaning before years are settled: target and regionTarget may still lack one. */
export type HeaderGuess =
  | Exclude<ColumnRole, { role: 'target' | 'regionTarget' | 'base' | 'milestone' }>
  | { role: 'milestone'; period: Milestone['period']; year?: string }
  | { role: 'target'; year?: string; saysTarget: boolean }
  | { role: 'regionTarget'; region: string; year?: string }
  | { role: 'base'; year: string };

const MILESTONES: [RegExp, Milestone['period']][] = [
  [/^(第?一|1)季度(末)?(节点|目标|进度)?(\(%\))?$/, 'Q1'],
  [/^(第?二|2)季度(末)?(节点|目标|进度)?(\(%\))?$/, 'Q2'],
  [/^(第?三|3)季度(末)?(节点|目标|进度)?(\(%\))?$/, 'Q3'],
  [/^(第?四|4)季度(末)?(节点|目标|进度)?(\(%\))?$/, 'Q4'],
  [/^上半年(节点|目标|进度)?(\(%\))?$/, 'H1'],
  [/^下半年(节点|目标|进度)?(\(%\))?$/, 'H2'],
];

/** Plain headers, by exact squashed text; checked before the looser patterns. */
const EXACT: [RegExp, HeaderGuess][] = [
  [/^指标编号$/, { role: 'id' }],
  [/^(序号|编号|序|No\.?)$/i, { role: 'seq' }],
  [/^指标类型$/, { role: 'kind' }],
  [/^(指标)?方向$/, { role: 'direction' }],
  [/^(发布精度|小数位数?)$/, { role: 'decimals' }],
  [/^报送频率$/, { role: 'frequency' }],
  [/^(年内累计|月度累计|是否累计)$/, { role: 'ytd' }],
  [/^排位依据$/, { role: 'rankBy' }],
  [/^全市为区县之和$/, { role: 'citySum' }],
  [/^(类别|类型|指标类别|一级指标|领域|板块|分类|维度|大类|指标类型\(一级\))$/, { role: 'category' }],
  [
    /^(指标名称|指标|指标名|二级指标|核心指标|主要指标|指标内容|名称|具体指标|考核指标|指标项|指标名称及单位|目标指标)$/,
    { role: 'name' },
  ],
  [/^(计量)?单位$/, { role: 'unit' }],
  [/^(指标)?属性$|^指标性质$/, { role: 'nature' }],
  [/^(备注|说明|注)$/, { role: 'notes' }],
];

/** What a header text says, or null when it says nothing the importer knows. */
export function guessHeader(text: string): HeaderGuess | null {
  const t = squash(text);
  if (t === '') return null;
  for (const [re, guess] of EXACT) if (re.test(t)) return guess;
  if (/(责任单位|责任部门|牵头单位|牵头部门|责任主体|责任处室|配合单位)/.test(t)) return { role: 'responsible' };
  if (/(年均|累计|五年).*(增长|增速)/.test(t)) return { role: 'growth' };
  const dated = /^((?:19|20)\d{2})年?(.+)$/.exec(t);
  for (const [re, period] of MILESTONES) {
    if (re.test(t)) return { role: 'milestone', period };
    if (dated && re.test(dated[2] ?? '')) return { role: 'milestone', period, year: dated[1] ?? '' };
  }
  const baseMatch = /^((?:19|20)\d{2})年?(基期值?|基数|现状值?|实际值?|完成值?|完成情况|实绩)$/.exec(t);
  if (baseMatch) return { role: 'base', year: baseMatch[1] ?? '' };
  const yearMatch = /^((?:19|20)\d{2})年?度?(目标值?|目标任务|任务|计划|预期目标)?(\(.*\))?$/.exec(t);
  if (yearMatch) return { role: 'target', year: yearMatch[1] ?? '', saysTarget: yearMatch[2] !== undefined };
  if (/^(全年|年度)?(目标值?|目标任务|任务值?|计划目标)(\(.*\))?$/.test(t) || t === '全年')
    return { role: 'target', saysTarget: true };
  return null;
}

/** Chinese names used in the exported workbook's columns, read back by the importer. */
export const KIND_NAMES: Record<IndicatorKind, string> = {
  level: '总量',
  growth: '增速',
  share: '比重',
  count: '个数',
  perUnit: '人均亩均',
};
export const DIRECTION_NAMES: Record<Direction, string> = { higher: '越大越好', lower: '越小越好' };
export const FREQUENCY_NAMES: Record<Frequency, string> = { monthly: '按月', quarterly: '按季度', annual: '按年' };
export const RANK_BY_NAMES: Record<RankBy, string> = { value: '按数值', growth: '按增速', completion: '按完成率' };

const KIND_ALIASES: Record<string, IndicatorKind> = {
  占比: 'share',
  比率: 'share',
  人均: 'perUnit',
  亩均: 'perUnit',
  增长: 'growth',
};

/** The enum value a Chinese name stands for (exported names and a few common variants), or null. */
export function enumOfName<T extends string>(
  names: Record<T, string>,
  text: string,
  aliases: Record<string, T> = {},
): T | null {
  const t = squash(text);
  for (const [value, name] of Object.entries(names) as [T, string][]) if (name === t || value === t) return value;
  return aliases[t] ?? null;
}

export function kindOfName(text: string): IndicatorKind | null {
  return enumOfName(KIND_NAMES, text, KIND_ALIASES);
}

export function frequencyOfName(text: string): Frequency | null {
  return enumOfName(FREQUENCY_NAMES, text, {
    月: 'monthly',
    月度: 'monthly',
    季: 'quarterly',
    季度: 'quarterly',
    年: 'annual',
    年度: 'annual',
  });
}

export function yesNo(text: string): boolean | null {
  const t = squash(text);
  if (/^(是|累计|Y|y|yes|TRUE|true|√)$/.test(t)) return true;
  if (/^(否|不累计|N|n|no|FALSE|false|×)$/.test(t)) return false;
  return null;
}

/** What a column holds, as the preview and the CLI name it. */
export const ROLE_LABELS: Record<ColumnRoleName, string> = {
  ignore: '不导入',
  name: '指标名称',
  unit: '单位',
  category: '类别',
  seq: '序号',
  responsible: '责任单位',
  target: '目标值',
  regionTarget: '分区县目标',
  base: '基期值',
  growth: '年均/累计增长',
  nature: '指标属性',
  milestone: '季度节点',
  notes: '备注',
  id: '指标编号',
  kind: '指标类型',
  direction: '方向',
  decimals: '小数位数',
  frequency: '报送频率',
  ytd: '年内累计',
  rankBy: '排位依据',
  citySum: '全市为区县之和',
};

const MILESTONE_NAMES: Record<string, string> = {
  Q1: '一季度',
  Q2: '二季度',
  Q3: '三季度',
  Q4: '四季度',
  H1: '上半年',
  H2: '下半年',
};

/** "2026年 吴兴 目标", "2025年目标值", "一季度节点", "指标名称". */
export function roleLabel(role: ColumnRole): string {
  switch (role.role) {
    case 'target':
      return `${role.year}年目标值`;
    case 'regionTarget':
      return `${role.year}年 ${role.region} 目标`;
    case 'base':
      return `${role.year}年基期值`;
    case 'milestone':
      return `${role.year}年${MILESTONE_NAMES[role.period] ?? role.period}节点`;
    default:
      return ROLE_LABELS[role.role];
  }
}
