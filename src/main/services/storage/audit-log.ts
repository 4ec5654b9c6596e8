import { AuditEventSchema, type AuditEvent } from '../../../shared/schemas/figures';
import type { WorkspaceFiles } from './workspace-files';

const MAX_AUDIT_BYTES = 64 * 1024 * 1024;

/**
 * Workspace-level events (settings, system edits, restores, issuing a briefing) in audit/<year>.jsonl.
 * Figure changes are not repeated here: each period's journal is their audit trail. A last line torn by
 * a crash is left alone and the next event starts on a line of its own, so it is never glued to it.
 */
export async function appendAudit(files: WorkspaceFiles, event: AuditEvent): Promise<void> {
  const rel = `audit/${event.at.slice(0, 4)}.jsonl`;
  const size = (await files.identity(rel))?.size ?? 0;
  const torn = size > 0 && !(await files.readFrom(rel, size - 1)).equals(Buffer.from('\n'));
  await files.append(rel, (torn ? '\n' : '') + JSON.stringify(event) + '\n');
}

export async function readAudit(files: WorkspaceFiles): Promise<AuditEvent[]> {
  const names = ((await files.list('audit').catch(() => null)) ?? [])
    .filter((e) => e.isFile && /^\d{4}\.jsonl$/.test(e.name))
    .map((e) => e.name)
    .sort();
  const events: AuditEvent[] = [];
  for (const name of names) {
    const text = (await files.readText(`audit/${name}`, MAX_AUDIT_BYTES)) ?? '';
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
