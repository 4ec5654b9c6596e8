import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  charactersOutsideBundledFont,
  chartFontFiles,
  chartSvg,
  clearChartCache,
  findBundledChartFont,
  renderChartPng,
} from '../../../src/main/services/documents/charts';
import type { ChartBlock } from '../../../src/shared/report/model';
import { decodePng, inkInBand } from '../../support/png';
import { PROJECT_ROOT } from '../../support/project';
import { tempDir } from '../../support/workspace';

const block: ChartBlock = {
  type: 'chart',
  id: 'c1',
  title: '各区县规上工业增加值增速',
  unit: '%',
  decimals: 1,
  bars: ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区'].map((region, i) => ({ region, value: 5 + i })),
  lines: [{ label: '全市', value: 7.5, kind: 'city' }],
};

/** The band under the x axis holds only the district names: ink there means the Chinese was drawn. */
const LABEL_BAND: [number, number] = [0.88, 0.97];

function canHideSystemFonts(): { ok: boolean; reason: string } {
  if (process.getuid?.() !== 0) return { ok: false, reason: 'not root: cannot mount over /usr/share/fonts' };
  const probe = spawnSync('unshare', ['-m', 'true']);
  return probe.status === 0 ? { ok: true, reason: '' } : { ok: false, reason: 'unshare -m is not permitted here' };
}

describe('chart fonts on a PC without CJK fonts', () => {
  it('ships a CJK font and uses it alone for ordinary chart text', () => {
    const bundled = findBundledChartFont();
    expect(bundled).toMatch(/assets[\\/]fonts[\\/]NotoSansSC-Chart\.ttf$/);
    expect(chartFontFiles(chartSvg(block, 780, 400), undefined)).toEqual([bundled]);
    expect(charactersOutsideBundledFont('吴兴南浔德清长兴安吉南太湖新区嘉兴海宁桐乡平湖海盐嘉善秀洲 ‰℃')).toEqual([]);
  });

  it('adds a system font only for a character outside the bundled set', () => {
    expect(charactersOutsideBundledFont('畲族 张喆 王堃')).toEqual(['喆', '堃']);
  });

  it('draws the district names with the bundled font alone', async () => {
    clearChartCache();
    const r = await renderChartPng(block, { fonts: [findBundledChartFont()!] });
    expect(r.warnings).toEqual([]);
    expect(inkInBand(decodePng(r.png), ...LABEL_BAND)).toBeGreaterThan(0.005);
  });

  it('draws nothing there without any font (so the measure above can fail)', async () => {
    clearChartCache();
    const r = await renderChartPng(block, { fonts: ['/nonexistent/font.ttf'], scale: 1 });
    expect(r.warnings.join('')).toContain('未找到中文字体文件');
    // Without fonts resvg may still find system ones; the claim holds only where none are installed.
    if (readdirSync('/usr/share/fonts', { withFileTypes: true }).length === 0) {
      expect(inkInBand(decodePng(r.png), ...LABEL_BAND)).toBe(0);
    }
  });

  const hide = canHideSystemFonts();
  if (!hide.ok) console.warn(`[chart fonts] skipping the hidden-fonts demo run: ${hide.reason}`);
  it.runIf(hide.ok)(
    "with /usr/share/fonts hidden, the demo's chart still shows the district names and no font warning",
    async () => {
      const { buildCli } = await import('../../../scripts/build-cli.mjs');
      await buildCli(PROJECT_ROOT);
      const out = join(tempDir('zjb-nofonts-'), 'demo');
      const cli = join(PROJECT_ROOT, 'out/cli/index.js');
      const log = execFileSync(
        'unshare',
        [
          '-m',
          'sh',
          '-c',
          'mount -t tmpfs tmpfs /usr/share/fonts && exec "$0" "$@"',
          process.execPath,
          cli,
          'demo',
          '--out',
          out,
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      expect(log).not.toContain('未找到中文字体');
      const docx = readdirSync(out).find((f) => f.endsWith('.docx'))!;
      const media = unzipSync(readFileSync(join(out, docx)));
      const png = Object.entries(media).find(([name]) => name.startsWith('word/media/') && name.endsWith('.png'));
      expect(png, 'the briefing holds a chart').toBeDefined();
      expect(inkInBand(decodePng(Buffer.from(png![1])), ...LABEL_BAND)).toBeGreaterThan(0.005);
    },
  );
});
