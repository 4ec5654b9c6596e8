import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PageSize {
  widthPt: number;
  heightPt: number;
}

/** Every page's size in points, from poppler's pdfinfo. */
export async function pdfPageSizes(pdf: string): Promise<PageSize[]> {
  const { stdout: summary } = await run('pdfinfo', [pdf]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(summary)?.[1] ?? '0');
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', String(pages), pdf]);
  return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    widthPt: Number(m[1]),
    heightPt: Number(m[2]),
  }));
}
