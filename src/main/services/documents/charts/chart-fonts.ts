import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The CJK font the app ships for charts (scripts/build-chart-font.mjs): Noto Sans SC, GB 2312 subset. */
export const BUNDLED_CHART_FONT = 'assets/fonts/NotoSansSC-Chart.ttf';
export const BUNDLED_CHART_FAMILY = 'Noto Sans SC';

/**
 * Where the bundled font is: under the project (or out/) when run from source, the CLI bundle or the built
 * app, and under resources/app-data in the installed desktop app (electron-builder's extraResources).
 */
export function findBundledChartFont(start: string = __dirname): string | undefined {
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const roots: string[] = [];
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    roots.push(dir);
    if (dirname(dir) === dir) break;
  }
  if (resourcesPath) roots.push(join(resourcesPath, 'app-data'));
  return roots.map((r) => join(r, BUNDLED_CHART_FONT)).find((f) => existsSync(f));
}

/**
 * System CJK fonts, tried only for characters the bundled font lacks (rare characters outside GB 2312):
 * loading one costs about half a second, so they are not loaded for the usual chart.
 */
export function defaultChartFontCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (platform === 'win32') {
    const fonts = join(env['WINDIR'] ?? env['SystemRoot'] ?? 'C:\\Windows', 'Fonts');
    return ['simhei.ttf', 'simsun.ttc', 'msyh.ttc', 'msyh.ttf', 'simkai.ttf', 'simfang.ttf'].map((f) => join(fonts, f));
  }
  if (platform === 'darwin') {
    return [
      '/System/Library/Fonts/PingFang.ttc',
      '/System/Library/Fonts/STHeiti Medium.ttc',
      '/Library/Fonts/Arial Unicode.ttf',
    ];
  }
  return [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
    '/usr/share/fonts/truetype/arphic/ukai.ttc',
  ];
}

/** The candidates that exist; with `limit`, only the first few (each file loaded costs time on every render). */
export function findChartFonts(candidates: readonly string[] = defaultChartFontCandidates(), limit = 1): string[] {
  return candidates.filter((f) => existsSync(f)).slice(0, limit);
}

let gb2312: Set<string> | undefined;

/** The characters of the bundled subset outside ASCII: GB 2312 rows 1–9 and 16–87 (as the build script). */
function bundledCharacters(): Set<string> {
  if (gb2312) return gb2312;
  const decoder = new TextDecoder('gbk');
  const chars = new Set<string>('—‰℃％．，：；（）〔〕【】“”‘’、。《》…·±≤≥×÷');
  const rows = [...Array(9).keys()].map((i) => 0xa1 + i).concat([...Array(72).keys()].map((i) => 0xb0 + i));
  for (const hi of rows) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const c = decoder.decode(new Uint8Array([hi, lo]));
      if (c.length === 1 && c !== '\ufffd') chars.add(c);
    }
  }
  gb2312 = chars;
  return chars;
}

/** Characters of `text` the bundled font cannot draw (empty for nearly every chart). */
export function charactersOutsideBundledFont(text: string): string[] {
  const known = bundledCharacters();
  return [...new Set(text)].filter((c) => c.charCodeAt(0) > 0x7e && !/\s/.test(c) && !known.has(c));
}

const KNOWN_FAMILIES: [RegExp, string][] = [
  [/notosanssc-chart/i, BUNDLED_CHART_FAMILY],
  [/notosanscjk/i, 'Noto Sans CJK SC'],
  [/notoserifcjk/i, 'Noto Serif CJK SC'],
  [/^simhei/i, 'SimHei'],
  [/^simsun/i, 'SimSun'],
  [/^msyh/i, 'Microsoft YaHei'],
  [/^simkai/i, 'KaiTi'],
  [/^simfang/i, 'FangSong'],
  [/wqy-microhei/i, 'WenQuanYi Micro Hei'],
  [/ukai/i, 'AR PL UKai CN'],
  [/pingfang/i, 'PingFang SC'],
];

/** The family name of a known font file, so resvg can use it as the default family. */
export function familyOfFontFile(file: string): string | undefined {
  const name = basename(file);
  return KNOWN_FAMILIES.find(([re]) => re.test(name))?.[1];
}
