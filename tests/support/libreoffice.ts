import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './project';

const run = promisify(execFile);

/** LibreOffice stands in for Word/WPS in tests: convert, then read text and page images from the PDF. */
export const sofficeAvailable =
  existsSync('/usr/bin/soffice') && existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');

const FONTCONFIG = join(PROJECT_ROOT, 'tests/support/fonts/fonts.conf');
export const ARTIFACTS = join(PROJECT_ROOT, 'test-results', 'render');

/** Converts a .docx/.xlsx to PDF with an isolated profile and the render-only font mapping. */
export async function toPdf(file: Buffer, name: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'zjb-lo-'));
  const input = join(dir, name);
  writeFileSync(input, file);
  const profile = mkdtempSync(join(tmpdir(), 'zjb-lo-profile-'));
  await run(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
    {
      env: { ...process.env, FONTCONFIG_FILE: FONTCONFIG },
      timeout: 120_000,
    },
  );
  const pdf = join(dir, `${basename(name, extname(name))}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice produced no PDF for ${name}`);
  return pdf;
}

/** Converts several files in one LibreOffice start (names must differ); returns the PDF paths in order. */
export async function toPdfs(files: { name: string; data: Buffer }[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'zjb-lo-'));
  const inputs = files.map((f) => {
    const input = join(dir, f.name);
    writeFileSync(input, f.data);
    return input;
  });
  const profile = mkdtempSync(join(tmpdir(), 'zjb-lo-profile-'));
  await run(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...inputs],
    {
      env: { ...process.env, FONTCONFIG_FILE: FONTCONFIG },
      // A minute a file at worst (a loaded machine), and never less than five minutes for the batch.
      timeout: Math.max(300_000, files.length * 60_000),
    },
  );
  return files.map((f) => {
    const pdf = join(dir, `${basename(f.name, extname(f.name))}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice produced no PDF for ${f.name}`);
    return pdf;
  });
}

/** pdftotext -layout, one string per page (split on form feeds). */
export async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** Collapses whitespace, as pdftotext spaces CJK text unevenly ("— 1 —" may come out "—1—"). */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Renders the pages to PNG under test-results/render/<name>-N.png (kept as artifacts, not committed). */
export async function pdfToPngs(pdf: string, name: string, dpi = 80): Promise<string[]> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const prefix = join(ARTIFACTS, name);
  await run('pdftoppm', ['-png', '-r', String(dpi), pdf, prefix]);
  const pages = (await pdfPages(pdf)).length;
  return Array.from({ length: pages }, (_, i) => {
    const n = String(i + 1);
    const candidates = [
      `${prefix}-${n}.png`,
      `${prefix}-${n.padStart(2, '0')}.png`,
      `${prefix}-${n.padStart(3, '0')}.png`,
    ];
    return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
  });
}

export function copyArtifact(pdf: string, name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const target = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(target, readFileSync(pdf));
  return target;
}
