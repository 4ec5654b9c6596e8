import type { SettingsPatch } from '../../../shared/schemas/settings-patch';

/** What each settings form gets from the page: main's refusal per field, and a save that reports success. */
export interface FormErrors {
  byField: Record<string, string>;
  general: string[];
}

export type SaveSettings = (patch: SettingsPatch, fields: readonly string[]) => Promise<boolean>;
