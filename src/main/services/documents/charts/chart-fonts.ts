import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * CJK font files for chart text. resvg draws only with fonts it is given, so without one the Chinese labels
 * would vanish: the lookup lists the usual places on Linux (fontconfig's Noto CJK paths), Windows and macOS.
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

const KNOWN_FAMILIES: [RegExp, string][] = [
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
