import { Packer } from 'docx';
import { buildBriefingDocument, renderBriefingDocx } from '../src/main/services/documents/docx';
import { longBriefingFixture } from '../tests/fixtures/report-model';

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
