import type { Provenance } from '../../../shared/api-types';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../storage/workspace';
import { reviewNotesOf } from '../review/review-notes';
import { reporterOf } from '../returns/returns-service';
import type { FigureRecord } from '../../../shared/schemas/figures';

/** The 填报人 on the returned form an imported figure came from. */
async function formReporter(
  ws: Workspace,
  period: string,
  region: string,
  record: FigureRecord | null,
): Promise<{ reporter?: { name: string; phone: string; file: string } }> {
  if (record?.origin.kind !== 'import') return {};
  const file = record.origin.file;
  const reporter = await reporterOf(ws, period.slice(0, 4), region, file);
  return reporter ? { reporter: { ...reporter, file } } : {};
}

const WHAT: Record<string, string> = {
  fig: '填报数',
  yoy: '同比（由本期数和上年同期数计算）',
  completion: '完成率（由累计数和年度目标计算）',
  rank: '位次（按发布精度排序）',
  ahead: '与序时进度之差',
  gap: '与目标之差',
  province: '与全省平均之差（由全市数和全省数计算）',
  node: '与节点目标之差',
  month: '当月数（本月累计减上月累计）',
  mom: '环比（当月与上月当月相比）',
  trend: '累计增速较上期的变化',
  remaining: '完成全年目标尚需完成的量',
  pace: '完成全年目标所需的月均量',
  average: '本年已过月份的月均量',
};

/** Resolves a report-model ref ("fig:2023-09/sys/ind/吴兴", "calc:yoy:…") to the stored figure and its history. */
export async function provenanceOf(ws: Workspace, ref: string): Promise<Provenance> {
  const m = /^(?:fig|calc:([a-z]+)):([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(ref);
  if (!m) throw new AppError('BAD_INPUT', '这个数字不是来自某个填报数，没有可追溯的来源。');
  const [, what, period, systemId, indicatorId, region] = m as unknown as [
    string,
    string | undefined,
    string,
    string,
    string,
    string,
  ];
  const system = ws.system(systemId);
  const indicator = system.indicators.find((i) => i.id === indicatorId);
  if (!indicator) throw new AppError('NOT_FOUND', `指标“${indicatorId}”不在本工作区。`);
  const view = await ws.figures.get(period);
  const record = view.figures[systemId]?.[indicatorId]?.[region] ?? null;
  return {
    ref,
    period,
    systemId,
    indicatorId,
    indicatorName: indicator.name,
    region,
    what: WHAT[what ?? 'fig'] ?? '计算值',
    record,
    history: await ws.figures.cellHistory(period, systemId, indicatorId, region),
    review: await reviewNotesOf(ws, { period, systemId, indicatorId, region }, record),
    ...(await formReporter(ws, period, region, record)),
  };
}
