/** `npm run bench`: each benchmark once, numbers against the targets of docs/performance.md. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { benchRankingXlsx } from './xlsx.bench';

const run = promisify(execFile);
const ms = (x: number): string => x.toFixed(1);

/** A peer in a fresh process (same Node, same TypeScript loader), so neither run warms the other's code. */
async function peer(file: string): Promise<{ warmMs: number }> {
  const { stdout } = await run(process.execPath, [...process.execArgv, join(__dirname, file)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { warmMs: number };
}

async function main(): Promise<void> {
  const xlsx = await benchRankingXlsx();
  const naive = await peer('xlsx-naive-peer.ts');
  console.log(
    `排名表 .xlsx（参考任务：83 个指标 × 7 个地区）：热运行中位数 ${ms(xlsx.warmMs)} ms（目标 ≤ 33 ms），` +
      `稳定后建表 ${ms(xlsx.buildMs)} ms、序列化与压缩 ${ms(xlsx.serialiseMs)} ms；首次（含加载 exceljs）${ms(xlsx.coldMs)} ms；${xlsx.bytes} 字节；` +
      `对照：直接用 exceljs 朴素写法（另起进程，同样测法）${ms(naive.warmMs)} ms，本实现为其 ${((100 * xlsx.warmMs) / naive.warmMs).toFixed(0)}%`,
  );
}

void main();
