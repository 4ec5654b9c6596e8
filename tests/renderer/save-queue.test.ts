import { describe, expect, it } from 'vitest';
import { SaveQueue, type SaveStatus, type SendOutcome } from '../../src/renderer/shared/save-queue';

interface Change {
  cell: string;
  value: number | string;
}

function harness(answers: ((batch: Change[]) => SendOutcome<Change>)[]) {
  const sent: Change[][] = [];
  const statuses: SaveStatus['kind'][] = [];
  let timer: (() => void) | null = null;
  const queue = new SaveQueue<Change>({
    keyOf: (c) => c.cell,
    send: async (batch) => {
      sent.push(batch);
      const answer = answers.shift();
      return answer ? answer(batch) : { ok: true };
    },
    onStatus: (s) => statuses.push(s.kind),
    now: () => new Date('2023-10-08T09:00:00'),
    setTimer: (fn) => ((timer = fn), 1),
    clearTimer: () => (timer = null),
  });
  return { queue, sent, statuses, fire: () => timer?.() };
}

describe('autosave queue', () => {
  it('batches edits made during the pause, the newest value of a cell winning', async () => {
    const h = harness([]);
    h.queue.enqueue([{ cell: 'a', value: 1 }]);
    h.queue.enqueue([
      { cell: 'b', value: 2 },
      { cell: 'a', value: 3 },
    ]);
    expect(h.sent).toEqual([]);
    await h.queue.flush();
    expect(h.sent).toEqual([
      [
        { cell: 'b', value: 2 },
        { cell: 'a', value: 3 },
      ],
    ]);
    expect(h.statuses).toEqual(['waiting', 'waiting', 'saving', 'saved']);
    expect(h.queue.status).toEqual({ kind: 'saved', at: new Date('2023-10-08T09:00:00') });
  });

  it('sends when the pause ends', async () => {
    const h = harness([]);
    h.queue.enqueue([{ cell: 'a', value: 1 }]);
    h.fire();
    await h.queue.flush();
    expect(h.sent).toHaveLength(1);
  });

  it('drops the cells main names as bad and saves the rest again', async () => {
    const h = harness([
      (batch) => ({ ok: false, message: '有 1 个数值未通过检查', rejected: batch.filter((c) => c.cell === 'b') }),
    ]);
    h.queue.enqueue([
      { cell: 'a', value: 1 },
      { cell: 'b', value: 'x' },
      { cell: 'c', value: 3 },
    ]);
    await h.queue.flush();
    expect(h.sent).toEqual([
      [
        { cell: 'a', value: 1 },
        { cell: 'b', value: 'x' },
        { cell: 'c', value: 3 },
      ],
      [
        { cell: 'a', value: 1 },
        { cell: 'c', value: 3 },
      ],
    ]);
    expect(h.queue.status.kind).toBe('saved');
  });

  it('keeps a batch that failed for another reason, reports it, and retries on the next flush', async () => {
    const h = harness([() => ({ ok: false, message: '工作区为只读，不能修改。' })]);
    h.queue.enqueue([{ cell: 'a', value: 1 }]);
    await h.queue.flush();
    expect(h.queue.status).toEqual({ kind: 'failed', message: '工作区为只读，不能修改。' });
    expect(h.queue.queuedCount).toBe(1);
    h.queue.enqueue([
      { cell: 'a', value: 2 },
      { cell: 'b', value: 5 },
    ]);
    await h.queue.flush();
    expect(h.sent[1]).toEqual([
      { cell: 'a', value: 2 },
      { cell: 'b', value: 5 },
    ]);
    expect(h.queue.status.kind).toBe('saved');
    expect(h.queue.busy).toBe(false);
  });

  it('turns a thrown error into a failed status with its message', async () => {
    const h = harness([
      () => {
        throw new Error('无法连接到本机服务');
      },
    ]);
    h.queue.enqueue([{ cell: 'a', value: 1 }]);
    await h.queue.flush();
    expect(h.queue.status).toEqual({ kind: 'failed', message: '无法连接到本机服务' });
  });
});
