import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MM_PER_PT = 25.4 / 72;

/** One page rasterised by pdftoppm (binary PPM, RGB). */
export interface Raster {
  width: number;
  height: number;
  mmPerPixel: number;
  rgb: Uint8Array;
}

export async function rasterPage(pdf: string, page: number, dpi = 150): Promise<Raster> {
  const { stdout } = await run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf], {
    encoding: 'buffer',
    maxBuffer: 256 * 1024 * 1024,
  });
  const buf = stdout as unknown as Buffer;
  // Header: "P6\n<w> <h>\n255\n".
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    let end = pos;
    while (buf[end] !== 0x0a && buf[end] !== 0x20) end++;
    const token = buf.subarray(pos, end).toString('ascii');
    if (token) fields.push(token);
    pos = end + 1;
  }
  const [, w, h] = fields;
  return { width: Number(w), height: Number(h), mmPerPixel: 25.4 / dpi, rgb: buf.subarray(pos) };
}

type Pixel = (r: number, g: number, b: number) => boolean;
export const isRed: Pixel = (r, g, b) => r > 180 && g < 90 && b < 90;
export const isDark: Pixel = (r, g, b) => r < 110 && g < 110 && b < 110;

/** Per row: the longest run of matching pixels (start, length), in pixels. */
function longestRun(img: Raster, y: number, match: Pixel): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  let start = -1;
  for (let x = 0; x <= img.width; x++) {
    const i = (y * img.width + x) * 3;
    const on = x < img.width && match(img.rgb[i]!, img.rgb[i + 1]!, img.rgb[i + 2]!);
    if (on && start < 0) start = x;
    if (!on && start >= 0) {
      if (x - start > best.length) best = { start, length: x - start };
      start = -1;
    }
  }
  return best;
}

/** Top of the first row (in mm from the page top) holding any matching pixel. */
export function firstRowMm(img: Raster, match: Pixel, fromMm = 0, toMm = 1000): number | undefined {
  const from = Math.floor(fromMm / img.mmPerPixel);
  const to = Math.min(img.height, Math.ceil(toMm / img.mmPerPixel));
  for (let y = from; y < to; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 3;
      if (match(img.rgb[i]!, img.rgb[i + 1]!, img.rgb[i + 2]!)) return y * img.mmPerPixel;
    }
  }
  return undefined;
}

/** Horizontal rules: rows where matching pixels run at least `minMm` long; consecutive rows merged. */
export function horizontalRules(
  img: Raster,
  match: Pixel,
  minMm: number,
  fromMm = 0,
  toMm = 1000,
): { yMm: number; x0Mm: number; x1Mm: number; thicknessMm: number }[] {
  const out: { yMm: number; x0Mm: number; x1Mm: number; thicknessMm: number }[] = [];
  const from = Math.floor(fromMm / img.mmPerPixel);
  const to = Math.min(img.height, Math.ceil(toMm / img.mmPerPixel));
  let current: { y0: number; y1: number; x0: number; x1: number } | undefined;
  for (let y = from; y < to; y++) {
    const run = longestRun(img, y, match);
    if (run.length * img.mmPerPixel >= minMm) {
      if (current && y === current.y1 + 1) current.y1 = y;
      else {
        if (current) out.push(toRule(current, img));
        current = { y0: y, y1: y, x0: run.start, x1: run.start + run.length };
      }
    }
  }
  if (current) out.push(toRule(current, img));
  return out;
}

function toRule(r: { y0: number; y1: number; x0: number; x1: number }, img: Raster) {
  return {
    yMm: ((r.y0 + r.y1 + 1) / 2) * img.mmPerPixel,
    x0Mm: r.x0 * img.mmPerPixel,
    x1Mm: r.x1 * img.mmPerPixel,
    thicknessMm: (r.y1 - r.y0 + 1) * img.mmPerPixel,
  };
}

export interface TextLine {
  page: number;
  text: string;
  xMinMm: number;
  xMaxMm: number;
  yMinMm: number;
  yMaxMm: number;
}

/** Text lines with their boxes (pdftotext -bbox-layout), in mm from the page's top left. */
export async function textLines(pdf: string): Promise<TextLine[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const out: TextLine[] = [];
  stdout
    .split('<page ')
    .slice(1)
    .forEach((page, i) => {
      for (const m of page.matchAll(
        /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
      )) {
        const words = [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]!);
        out.push({
          page: i + 1,
          text: words
            .join('')
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"'),
          xMinMm: Number(m[1]) * MM_PER_PT,
          yMinMm: Number(m[2]) * MM_PER_PT,
          xMaxMm: Number(m[3]) * MM_PER_PT,
          yMaxMm: Number(m[4]) * MM_PER_PT,
        });
      }
    });
  return out;
}
