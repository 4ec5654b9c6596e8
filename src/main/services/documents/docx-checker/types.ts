import type { DocumentKind, ReportStyle } from '../../../../shared/report/model';

/** One line of the format check, in Chinese for the clerk: what was checked, what was found, what is required. */
export type { CheckItem } from '../../../../shared/api-types';

/** What the document should be; without it the checker uses GB/T 9704's values. */
export interface CheckExpectations {
  kind?: DocumentKind;
  linePitchTwips?: number;
  fonts?: Partial<ReportStyle['fonts']>;
  /** 示例数据 documents must say so. */
  sample?: boolean;
  copies?: number;
  dateText?: string;
  /** The period ends a year: the text says "2023年"/"全年", never "1—12月". */
  yearEnd?: boolean;
}
