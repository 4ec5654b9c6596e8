import { compositeScores } from '../../shared/domain/composite';
import type { IndicatorResult } from '../../shared/report/compute';
import type { CompositeWeight } from '../../shared/report/composite-table';
import { RATE_DECIMALS } from '../../shared/report/compute';
import { computeWorkspace } from '../../main/services/reports/report-service';
import { parsePeriodOrThrow } from '../../main/services/reports/figure-loader';
import { formatFigure, formatRank } from '../../shared/domain/format';
import { parseCommandArgs, requireOption } from '../args';
import type { CliCommand } from '../command';
import { problemNotices } from '../notices';
import { withWorkspace } from '../workspace-arg';
import type { IndicatorSystem } from '../../shared/schemas/indicator-system';
import { refForYear } from '../../shared/systems/lineage';

/** Keeps printed numbers free of float noise without rounding away precision a checker needs. */
function clean(x: number | null | undefined): number | null {
  return typeof x === 'number' ? Number(x.toFixed(6)) : null;
}

export function computeJson(results: IndicatorResult[]) {
  return results.map((res) => ({
    systemId: res.systemId,
    indicatorId: res.indicator.id,
    name: res.indicator.name,
    unit: res.indicator.unit,
    kind: res.indicator.kind,
    direction: res.indicator.direction,
    decimals: res.decimals,
    period: res.periodKey,
    rankBy: res.rankBy,
    timeProgress: clean(res.timeProgress?.percent),
    timeProgressNote: res.timeProgress?.note ?? null,
    province: typeof res.province === 'number' ? res.province : null,
    regions: res.rows.map((r) => ({
      region: r.region,
      value: r.value,
      lastYear: r.lastYear,
      target: r.target,
      targetStatus: r.targetEval?.status ?? null,
      completion: r.completion?.ok ? clean(r.completion.rate) : null,
      completionNote: r.completion && !r.completion.ok ? r.completion.reason : null,
      timeProgress: r.completion?.ok ? clean(r.timeProgress?.percent) : null,
      aheadPp: clean(r.aheadPp),
      yoy: r.yoy.ok ? { mode: r.yoy.mode, value: clean(r.yoy.value) } : null,
      yoyNote: r.yoy.ok ? null : r.yoy.reason,
      rank: r.rank,
      tied: r.tied,
      previousRank: r.previousRank,
      rankChange: r.rankChange,
      status: r.flags.map((f) => f.label),
    })),
  }));
}

export const computeCommand: CliCommand = {
  name: 'compute',
  summary: '计算某一期的完成率、序时进度、同比、位次和赛马综合得分',
  usage: `用法：npm run cli -- compute --workspace <工作区文件夹> --period <2023-09> [--system <体系编号>] [--json]

按指标、按区县输出：数值、目标、完成率、序时进度、超/落后序时进度（个百分点）、同比、位次、状态，
以及配置了权重时的赛马综合得分与综合位次。`,
  async run(args, { services, io }) {
    const { values } = parseCommandArgs(args, {
      workspace: { type: 'string' },
      period: { type: 'string' },
      system: { type: 'string' },
      json: { type: 'boolean' },
    });
    const dir = requireOption(values.workspace, '--workspace');
    const periodKey = requireOption(values.period, '--period');
    const period = parsePeriodOrThrow(periodKey);
    return withWorkspace(
      services,
      dir,
      async (ws) => {
        const results = await computeWorkspace(ws, period, values.system);
        const problems = ws.problemList();
        io.err(problemNotices(problems));
        const composite = compositeOf(
          results,
          weightsForYear(ws.settings.ranking.composite, ws.systemList(), period.year),
          ws.settings.regions,
        );
        if (values.json) {
          io.out(
            JSON.stringify(
              {
                workspace: ws.settings.name,
                sample: ws.settings.sample,
                period: periodKey,
                indicators: computeJson(results),
                composite,
              },
              null,
              2,
            ) + '\n',
          );
          return problems.length ? 1 : 0;
        }
        for (const res of results) {
          io.out(
            `\n${res.indicator.name}（${res.indicator.unit || '无单位'}，${res.periodKey}，按${res.rankBy === 'completion' ? '完成率' : res.rankBy === 'growth' ? '增速' : '数值'}排位）\n`,
          );
          for (const r of res.rows) {
            const completion = r.completion?.ok ? `完成率 ${formatFigure(r.completion.rate, RATE_DECIMALS)}%` : '';
            io.out(
              `  ${r.region.padEnd(6, '　')} ${formatFigure(r.value, res.decimals).padStart(8)}  位次 ${formatRank(r.rank).padStart(2)}${r.tied ? '（并列）' : ''}  ${completion}  ${r.flags.map((f) => f.label).join('、')}\n`,
            );
          }
        }
        if (composite)
          for (const row of composite.rows) io.out(`赛马 ${row.region} 得分 ${row.score} 位次 ${row.rank}\n`);
        io.out(ws.settings.sample ? '\n（示例数据）\n' : '\n');
        return problems.length ? 1 : 0;
      },
      'read',
    );
  },
};

/** Weights name indicators once; a later year's report weighs their counterparts in that year's systems. */
function weightsForYear<S extends { weights: CompositeWeight[] }>(
  settings: S | undefined,
  systems: IndicatorSystem[],
  year: number,
): S | undefined {
  return settings ? { ...settings, weights: settings.weights.map((w) => refForYear(w, systems, year)) } : undefined;
}

function compositeOf(
  results: IndicatorResult[],
  settings: { rule: 'rankPoints' | 'normalized'; weights: CompositeWeight[] } | undefined,
  regions: string[],
) {
  if (!settings || settings.weights.length === 0) return null;
  const parts = settings.weights.flatMap((w) => {
    const res = results.find((r) => r.systemId === w.systemId && r.indicator.id === w.indicatorId);
    return res ? [{ w, res }] : [];
  });
  if (!parts.length) return null;
  const outcome = compositeScores({
    rule: settings.rule,
    regions,
    indicators: parts.map(({ w, res }) => ({
      indicatorId: `${w.systemId}/${w.indicatorId}`,
      name: res.indicator.name,
      weight: w.weight,
      direction: res.rankBy === 'completion' ? 'higher' : res.indicator.direction,
      decimals: res.rankDecimals,
      basis: res.rankBy,
    })),
    values: Object.fromEntries(
      parts.map(({ w, res }) => [
        `${w.systemId}/${w.indicatorId}`,
        Object.fromEntries(res.rows.filter((r) => !r.isTotal).map((r) => [r.region, r.rankValue])),
      ]),
    ),
  });
  return {
    rule: settings.rule,
    ruleText: outcome.ruleText,
    rows: outcome.rows.map((r) => ({ region: r.region, score: r.scoreRounded, rank: r.rank, tied: r.tied })),
  };
}
