import type { SettingsPatch } from '../../../shared/schemas/settings-patch';
import type { FontSettings, WorkspaceFile } from '../../../shared/schemas/workspace';

/** The 设置 page's form: plain values the inputs bind to, made from workspace.json and turned back into a patch. */

export interface DocumentForm {
  briefingName: string;
  subject: string;
  issuer: string;
  noticeIssuerMark: string;
  noticeNumberPrefix: string;
  dataSource: string;
  /** 报 / 送 / 发: one name per line. */
  bao: string;
  song: string;
  fa: string;
  copies: number | null;
  /** 通报 主送机关 and 抄送: one name per line. */
  addressees: string;
  copyTo: string;
  /** 第N期 of the next briefing issued this year, and the next 总第N期 (empty = not printed). */
  issueThisYear: number | null;
  /** The next 运行分析报告 第N期 and 通报 文号 number this year (each kind has its own counter). */
  reportThisYear: number | null;
  noticeThisYear: number | null;
  totalIssueNext: number | null;
}

export interface LayoutForm {
  fonts: FontSettings;
  mastheadSizePt: number | null;
  rankingPaper: 'A4' | 'A3';
}

export interface WeightRow {
  /** "systemId/indicatorId" of a key indicator. */
  key: string;
  weight: number | null;
  basis: '' | 'value' | 'growth' | 'completion';
}

export interface RankingForm {
  /** "systemId/indicatorId", in order. */
  keyIndicators: string[];
  /** Per key indicator: decimals, or null for the indicator system's own. */
  decimals: Record<string, number | null>;
  orderBy: 'official' | 'rank';
  compositeTitle: string;
  rule: 'rankPoints' | 'normalized';
  weights: WeightRow[];
}

export const DEFAULT_FONTS: FontSettings = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};

export const FONT_ROLES: { key: keyof FontSettings; label: string }[] = [
  { key: 'body', label: '正文' },
  { key: 'title', label: '标题、报头' },
  { key: 'heading1', label: '一级标题（一、）' },
  { key: 'heading2', label: '二级标题、按语' },
  { key: 'pageNumber', label: '页码' },
  { key: 'latin', label: '数字和西文' },
];

export function linesToList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function documentForm(ws: WorkspaceFile, year: string): DocumentForm {
  const d = ws.documents;
  return {
    briefingName: d.briefingName,
    subject: d.subject ?? '',
    issuer: d.issuer,
    noticeIssuerMark: d.noticeIssuerMark,
    noticeNumberPrefix: d.noticeNumberPrefix,
    dataSource: d.dataSource,
    bao: d.distribution.bao.join('\n'),
    song: d.distribution.song.join('\n'),
    fa: d.distribution.fa.join('\n'),
    copies: d.copies,
    addressees: d.noticeAddressees.join('\n'),
    copyTo: d.noticeCopyTo.join('\n'),
    issueThisYear: d.issueCounters[year] ?? 1,
    reportThisYear: d.reportCounters[year] ?? 1,
    noticeThisYear: d.noticeCounters[year] ?? 1,
    totalIssueNext: d.totalIssueNext ?? null,
  };
}

/** A patch main validates; blank required texts are sent as they are, so main names what is missing. */
export function documentPatch(form: DocumentForm, ws: WorkspaceFile, year: string): SettingsPatch {
  const subject = form.subject.trim();
  return {
    documents: {
      briefingName: form.briefingName,
      ...(subject ? { subject } : {}),
      issuer: form.issuer,
      noticeIssuerMark: form.noticeIssuerMark,
      noticeNumberPrefix: form.noticeNumberPrefix,
      dataSource: form.dataSource,
      distribution: { bao: linesToList(form.bao), song: linesToList(form.song), fa: linesToList(form.fa) },
      ...(form.copies !== null ? { copies: form.copies } : {}),
      noticeAddressees: linesToList(form.addressees),
      noticeCopyTo: linesToList(form.copyTo),
      ...(form.issueThisYear !== null
        ? { issueCounters: { ...ws.documents.issueCounters, [year]: form.issueThisYear } }
        : {}),
      ...(form.reportThisYear !== null
        ? { reportCounters: { ...ws.documents.reportCounters, [year]: form.reportThisYear } }
        : {}),
      ...(form.noticeThisYear !== null
        ? { noticeCounters: { ...ws.documents.noticeCounters, [year]: form.noticeThisYear } }
        : {}),
      ...(form.totalIssueNext !== null ? { totalIssueNext: form.totalIssueNext } : {}),
    },
  };
}

export function layoutForm(ws: WorkspaceFile): LayoutForm {
  return {
    fonts: { ...ws.documents.fonts },
    mastheadSizePt: ws.documents.mastheadSizePt,
    rankingPaper: ws.documents.rankingPaper,
  };
}

export function layoutPatch(form: LayoutForm): SettingsPatch {
  return {
    documents: {
      fonts: { ...form.fonts },
      ...(form.mastheadSizePt !== null ? { mastheadSizePt: form.mastheadSizePt } : {}),
      rankingPaper: form.rankingPaper,
    },
  };
}

export const indicatorKey = (systemId: string, indicatorId: string) => `${systemId}/${indicatorId}`;

function splitKey(key: string): { systemId: string; indicatorId: string } {
  const at = key.indexOf('/');
  return { systemId: key.slice(0, at), indicatorId: key.slice(at + 1) };
}

export function rankingForm(ws: WorkspaceFile): RankingForm {
  const r = ws.ranking;
  const keys = r.keyIndicators.map((k) => indicatorKey(k.systemId, k.indicatorId));
  return {
    keyIndicators: keys,
    decimals: Object.fromEntries(keys.map((k) => [k, r.decimalsOverride[k] ?? null])),
    orderBy: r.orderBy,
    compositeTitle: r.composite?.title ?? '赛马比拼综合得分',
    rule: r.composite?.rule ?? 'rankPoints',
    weights: (r.composite?.weights ?? []).map((w) => ({
      key: indicatorKey(w.systemId, w.indicatorId),
      weight: w.weight,
      basis: w.basis ?? '',
    })),
  };
}

/** Overrides of indicators that are no longer key indicators are kept: they still apply to the tables. */
export function rankingPatch(form: RankingForm, ws: WorkspaceFile): SettingsPatch {
  const decimalsOverride: Record<string, number> = {};
  for (const [k, v] of Object.entries(ws.ranking.decimalsOverride))
    if (!form.keyIndicators.includes(k)) decimalsOverride[k] = v;
  for (const k of form.keyIndicators) {
    const v = form.decimals[k];
    if (v !== null && v !== undefined) decimalsOverride[k] = v;
  }
  return {
    ranking: {
      keyIndicators: form.keyIndicators.map(splitKey),
      decimalsOverride,
      orderBy: form.orderBy,
      composite: {
        title: form.compositeTitle,
        rule: form.rule,
        weights: form.weights.map((w) => ({
          ...splitKey(w.key),
          weight: w.weight ?? 0,
          ...(w.basis ? { basis: w.basis } : {}),
        })),
      },
    },
  };
}

/** One line for a message box: every reason, field names left out (the fields themselves are marked). */
export function refusalSummary(errors: { byField: Record<string, string>; general: string[] }): string {
  return [...Object.values(errors.byField), ...errors.general].join('；');
}

/**
 * Splits main's refusal ("设置有误：documents.copies：印数至少为 1 份；…") into the messages of the fields it
 * names (the longest known field path that starts the reported path) and the rest, shown above the form.
 */
export function fieldErrors(
  message: string,
  fields: readonly string[],
): { byField: Record<string, string>; general: string[] } {
  const body = message.replace(/^[^：]*(设置有误|参数有误)：/, '');
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const reason of body.split('；')) {
    const m = /^([A-Za-z0-9_.[\]]+)：(.*)$/.exec(reason.trim());
    const path = m?.[1]?.replace(/^patch\./, '').replace(/\[\d+\]/g, '') ?? '';
    const field = m
      ? [...fields].sort((a, b) => b.length - a.length).find((f) => path === f || path.startsWith(`${f}.`))
      : undefined;
    if (field && m?.[2]) byField[field] = byField[field] ? `${byField[field]}；${m[2]}` : m[2];
    // A reason about no field of the form: its message without the file's internal field path.
    else if (reason.trim()) general.push(m?.[2] ?? reason.trim());
  }
  if (general.length === 0 && Object.keys(byField).length === 0) general.push(message);
  return { byField, general };
}
