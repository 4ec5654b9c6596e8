/**
 * Ranking workbook benchmark (docs/performance.md): the reference job, one cold run, then the median of
 * 20 warm runs, from the report model in memory to the finished .xlsx Buffer. Target: warm ≤ 33 ms.
 * bench/xlsx-naive-peer.ts measures the naive exceljs peer the same way, in a fresh process. The split shows
 * where the time goes: building the sheets (layout and cells) versus serialising them (exceljs writes
 * the XML parts, fflate zips them).
 */
import { buildRankingWorkbook, renderRankingXlsx } from '../src/main/services/documents/xlsx/ranking-workbook';
import { workbookToBuffer } from '../src/main/services/documents/exceljs';
import { referenceRankingModel } from './reference-ranking';

const WARM_RUNS = 20;

export interface XlsxBenchResult {
  warmMs: number;
  bytes: number;
  coldMs: number;
  /** Medians of the two halves over the same warm runs. */
  buildMs: number;
  serialiseMs: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return ((sorted[Math.floor(mid - 0.5)] ?? 0) + (sorted[Math.ceil(mid - 0.5)] ?? 0)) / 2;
}

export async function benchRankingXlsx(): Promise<XlsxBenchResult> {
  const model = referenceRankingModel();
  const coldStart = performance.now();
  let bytes = (await renderRankingXlsx(model)).length;
  const coldMs = performance.now() - coldStart;

  const totals: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const start = performance.now();
    bytes = (await renderRankingXlsx(model)).length;
    totals.push(performance.now() - start);
  }
  const builds: number[] = [];
  const serialises: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const start = performance.now();
    const workbook = await buildRankingWorkbook(model);
    const built = performance.now();
    await workbookToBuffer(workbook);
    builds.push(built - start);
    serialises.push(performance.now() - built);
  }
  return { warmMs: median(totals), bytes, coldMs, buildMs: median(builds), serialiseMs: median(serialises) };
}
