import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditEventSchema, type AuditEvent } from '../../../shared/schemas/figures';
import { appendDurable, readTextLimited } from './atomic-file';

/**
 * Workspace-level events (settings, system edits, restores, issuing a briefing) in audit/<year>.jsonl.
 * Figure changes are not repeated here: each period's journal is their audit trail.
 */
export async function appendAudit(root: string, event: AuditEvent): Promise<void> {
  await appendDurable(join(root, 'audit', `${event.at.slice(0, 4)}.jsonl`), JSON.stringify(event) + '\n');
}

export async function readAudit(root: string): Promise<AuditEvent[]> {
  const dir = join(root, 'audit');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /^\d{4}\.jsonl$/.test(n)).sort();
  } catch {
    return [];
  }
  const events: AuditEvent[] = [];
  for (const name of names) {
    const text = (await readTextLimited(join(dir, name), 64 * 1024 * 1024)) ?? '';
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const parsed = AuditEventSchema.safeParse(JSON.parse(line));
        if (parsed.success) events.push(parsed.data);
      } catch {
        // A torn last line from a crash: the event was never acknowledged.
      }
    }
  }
  return events;
}
