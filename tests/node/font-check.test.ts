import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkOfficialFonts } from '../../src/main/services/fonts/font-check';
import { tempDir } from '../support/workspace';

const FONTS = {
  liberationSerif: '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
  ukai: '/usr/share/fonts/truetype/arphic/ukai.ttc',
  notoSerifCjk: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
};

function fcListWorks(): boolean {
  try {
    execFileSync('fc-list', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missing = Object.values(FONTS).filter((f) => !existsSync(f));
const skipReason = !fcListWorks()
  ? 'fc-list is not installed (apt-get install fontconfig)'
  : missing.length
    ? `font files missing: ${missing.join(', ')} (apt-get install fonts-liberation fonts-arphic-ukai fonts-noto-cjk)`
    : null;
if (skipReason) console.log(`font check tests skipped: ${skipReason}`);

/**
 * A fontconfig of its own with only the given font files, some renamed as they are scanned, so the test
 * decides which official fonts "are installed" with real fonts and the real fc-list.
 */
function useFontconfig(files: string[], renames: Record<string, string>): void {
  const dir = tempDir('zjb-fontconfig-');
  mkdirSync(join(dir, 'fonts'));
  for (const file of files) symlinkSync(file, join(dir, 'fonts', file.split('/').pop() ?? ''));
  const rules = Object.entries(renames).map(
    ([from, to]) => `<match target="scan"><test name="family"><string>${from}</string></test>
      <edit name="family" mode="assign_replace" binding="same"><string>${to}</string></edit></match>`,
  );
  writeFileSync(
    join(dir, 'fonts.conf'),
    `<?xml version="1.0"?><fontconfig><dir>${dir}/fonts</dir><cachedir>${dir}/cache</cachedir>${rules.join('')}</fontconfig>`,
  );
  process.env['FONTCONFIG_FILE'] = join(dir, 'fonts.conf');
}

const savedFontconfig = process.env['FONTCONFIG_FILE'];
afterEach(() => {
  if (savedFontconfig === undefined) delete process.env['FONTCONFIG_FILE'];
  else process.env['FONTCONFIG_FILE'] = savedFontconfig;
});

describe.skipIf(skipReason !== null)('official font check against fontconfig', () => {
  it('reports the fonts fc-list has as installed, and only those', async () => {
    useFontconfig([FONTS.liberationSerif, FONTS.ukai], {
      'Liberation Serif': 'Times New Roman',
      'AR PL UKai CN': '楷体_GB2312',
    });
    expect(execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' })).toContain('Times New Roman');
    const items = await checkOfficialFonts('linux');
    expect(Object.fromEntries(items.map((i) => [i.family, i.installed]))).toEqual({
      仿宋_GB2312: false,
      方正小标宋简体: false,
      黑体: false,
      楷体_GB2312: true,
      宋体: false,
      'Times New Roman': true,
    });
    expect(items.filter((i) => i.installed).every((i) => i.substitute === undefined)).toBe(true);
    // Without Noto Serif CJK SC the missing Chinese fonts fall back to the system default.
    expect(items.find((i) => i.family === '仿宋_GB2312')?.substitute).toContain('系统默认');
  });

  it('reports every official font missing, naming the stand-in this computer has', async () => {
    useFontconfig([FONTS.liberationSerif, FONTS.ukai, FONTS.notoSerifCjk], {});
    const items = await checkOfficialFonts('linux');
    expect(items.map((i) => i.installed)).toEqual([false, false, false, false, false, false]);
    expect(items.find((i) => i.family === 'Times New Roman')?.substitute).toContain(
      'Liberation Serif（与 Times New Roman 等宽）',
    );
    expect(items.find((i) => i.family === '仿宋_GB2312')?.substitute).toContain('Noto Serif CJK SC');
  });
});
