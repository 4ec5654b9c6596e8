/** Output types of contract calls that are not plain schema types. */

export interface AppInfo {
  appName: string;
  version: string;
  host: 'electron' | 'http';
  userName: string;
  platform: string;
  templatesCount: number;
  /** Problems found in shipped templates, in Chinese, so a broken install is visible at once. */
  templateProblems: string[];
}

export interface SystemSummary {
  id: string;
  title: string;
  city: string;
  document: string;
  docNumber?: string;
  years: string[];
  indicatorCount: number;
  regionCount: number;
}
