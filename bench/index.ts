/**
 * `npm run bench`: generator timings on this machine (median of warm runs, see docs/performance.md).
 * Never a test: machines are noisy, compare against the targets and against earlier runs.
 */
import { benchChart, benchDocx, benchDocxPhases, benchDocxReference } from './docx.bench';

async function main(): Promise<void> {
  const docx = await benchDocx();
  const phases = await benchDocxPhases();
  console.log(`简报 .docx（83 行表格，约 12 段）：热 ${docx.warmMs.toFixed(1)} ms（目标 ≤ 78 ms），冷 ${docx.coldMs.toFixed(1)} ms，${docx.bytes} 字节`);
  const reference = await benchDocxReference();
  console.log(`  同一次运行的参照：热渲染 CPU 时间 ${reference.warmCpuMs.toFixed(1)} ms；只压缩同样内容（下限）${reference.floorMs.toFixed(1)} ms`);
  console.log(`  其中：构建对象树 ${phases.buildMs.toFixed(1)} ms，序列化并压缩 ${phases.packMs.toFixed(1)} ms`);
  const chart = await benchChart();
  console.log(`图表 PNG（ECharts SVG + resvg 2.5 倍）：首次 ${chart.coldMs.toFixed(0)} ms，不用缓存再绘 ${chart.uncachedMs.toFixed(0)} ms，缓存命中 ${chart.cachedMs.toFixed(2)} ms`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
