/** `npm run bench`: each benchmark once, numbers against the targets of docs/performance.md. */
import { benchRankingXlsx } from './xlsx.bench';

const ms = (x: number): string => x.toFixed(1);

async function main(): Promise<void> {
  const xlsx = await benchRankingXlsx();
  console.log(
    `排名表 .xlsx（参考任务：83 个指标 × 7 个地区）：热运行中位数 ${ms(xlsx.warmMs)} ms（目标 ≤ 33 ms），` +
      `其中建表 ${ms(xlsx.buildMs)} ms、序列化与压缩 ${ms(xlsx.serialiseMs)} ms；首次（含加载 exceljs）${ms(xlsx.coldMs)} ms；${xlsx.bytes} 字节；` +
      `同机同轮直接用 exceljs 朴素写法 ${ms(xlsx.peerWarmMs)} ms（本实现为其 ${((100 * xlsx.warmMs) / xlsx.peerWarmMs).toFixed(0)}%）`,
  );
}

void main();
