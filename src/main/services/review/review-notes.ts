import type { ProvenanceReviewNote } from '../../../shared/api-types';
import { reviewRules } from '../../../shared/review/rules';
import type { FigureRecord } from '../../../shared/schemas/figures';
import type { Workspace } from '../storage/workspace';
import { confirmationsOfCell } from './review-service';

/**
 * The 说明 given for a figure, for its provenance. A confirmation names the values it was given for;
 * when the figure itself is no longer among them, the 说明 is shown as given for an earlier value.
 */
export async function reviewNotesOf(
  ws: Workspace,
  cell: { period: string; systemId: string; indicatorId: string; region: string },
  record: FigureRecord | null,
): Promise<ProvenanceReviewNote[]> {
  const rules = reviewRules();
  const value = record?.v === null || record?.v === undefined ? '' : String(record.v);
  return (await confirmationsOfCell(ws, cell)).map((c) => ({
    code: c.code,
    level: c.level,
    ruleName: rules.find((r) => r.id === c.ruleId)?.name ?? c.ruleId,
    message: c.message,
    note: c.note,
    at: c.at,
    by: c.by,
    current: c.fingerprint.split('|').includes(value),
  }));
}
