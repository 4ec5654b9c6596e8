import { Packer } from 'docx';
import { unzipSync, zipSync } from 'fflate';
import { clearChartCache, renderChartPng } from '../src/main/services/documents/charts';
import { buildBriefingDocument, renderBriefingDocx } from '../src/main/services/documents/docx';
import type { ChartBlock } from '../src/shared/report/model';
import { briefingFixture, longBriefingFixture } from '../tests/fixtures/report-model';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The reference job (performance.md): a 简报 with ~12 paragraphs and the 83-row target table with a two-row merged
 * header, without a chart (chart rendering is measured separately: it is dominated by resvg loading the CJK font).
 * Cold = the first render in this process; warm = median of 20 after it.
 */
export async function benchDocx(): Promise<{ warmMs: number; coldMs: number; bytes: number }> {
  const model = longBriefingFixture({ withChart: false });
  let t = performance.now();
  const first = await renderBriefingDocx(model);
  const coldMs = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    t = performance.now();
    await renderBriefingDocx(model);
    times.push(performance.now() - t);
  }
  return { warmMs: median(times), coldMs, bytes: first.length };
}

/** Where the warm time goes: building the docx object tree vs. serialising and zipping it. */
export async function benchDocxPhases(): Promise<{ buildMs: number; packMs: number }> {
  const model = longBriefingFixture({ withChart: false });
  const build: number[] = [];
  const pack: number[] = [];
  for (let i = 0; i < 21; i++) {
    const a = performance.now();
    const doc = buildBriefingDocument(model, new Map());
    const b = performance.now();
    await Packer.toBuffer(doc);
    const c = performance.now();
    if (i > 0) {
      build.push(b - a);
      pack.push(c - b);
    }
  }
  return { buildMs: median(build), packMs: median(pack) };
}

/** The fixture's chart: first render (loads ECharts, resvg and the CJK font), a render without the cache, a cache hit. */
export async function benchChart(): Promise<{ coldMs: number; uncachedMs: number; cachedMs: number }> {
  const chart = briefingFixture()
    .sections.flatMap((s) => s.blocks)
    .find((b): b is ChartBlock => b.type === 'chart')!;
  clearChartCache();
  let t = performance.now();
  await renderChartPng(chart);
  const coldMs = performance.now() - t;
  const uncached: number[] = [];
  for (let i = 0; i < 5; i++) {
    clearChartCache();
    t = performance.now();
    await renderChartPng(chart);
    uncached.push(performance.now() - t);
  }
  t = performance.now();
  await renderChartPng(chart);
  const cachedMs = performance.now() - t;
  return { coldMs, uncachedMs: median(uncached), cachedMs };
}

/**
 * Same-run reference points on a noisy machine: the warm render's CPU time (less sensitive to other processes than
 * wall time), and the floor, zipping the finished document's parts again with fflate.
 */
export async function benchDocxReference(): Promise<{ warmCpuMs: number; floorMs: number }> {
  const model = longBriefingFixture({ withChart: false });
  const buffer = await renderBriefingDocx(model);
  const cpu: number[] = [];
  for (let i = 0; i < 20; i++) {
    const c0 = process.cpuUsage();
    await renderBriefingDocx(model);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const parts = unzipSync(buffer);
  const floor: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    zipSync(parts);
    floor.push(performance.now() - t);
  }
  return { warmCpuMs: median(cpu), floorMs: median(floor) };
}
