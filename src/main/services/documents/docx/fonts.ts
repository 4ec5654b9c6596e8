import type { IFontAttributesProperties } from 'docx';
import type { ReportStyle } from '../../../../shared/report/model';

export type Fonts = ReportStyle['fonts'];

/** The model's fonts, with GB/T 9704's fonts where a field is empty. */
export function resolvedFonts(style: ReportStyle): Fonts {
  const f = style.fonts;
  return {
    body: f.body || '仿宋_GB2312',
    title: f.title || '方正小标宋简体',
    heading1: f.heading1 || '黑体',
    heading2: f.heading2 || '楷体_GB2312',
    pageNumber: f.pageNumber || '宋体',
    latin: f.latin || 'Times New Roman',
  };
}

/** docx's object form for a run that needs a font its style does not give. */
export function runFont(chinese: string, latin: string): IFontAttributesProperties {
  return { ascii: latin, hAnsi: chinese, eastAsia: chinese, cs: latin, hint: 'eastAsia' };
}
