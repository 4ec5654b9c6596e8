import { execFile, spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createServices } from '../src/main/services/container';
import { generateFillForms } from '../src/main/services/documents/xlsx-forms/generate-fill-forms';
import { transport } from '../src/shared/contract';
import { hostileCorpus } from '../tests/support/hostile-corpus';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

export interface HostileFileResult {
  file: string;
  megabytes: number;
  outcome: string;
  ms: number;
  peakRssMb: number;
}

function post(port: number, token: string, name: string, input: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(JSON.stringify(input));
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: transport.httpPath(name as never),
        method: 'POST',
        headers: { 'content-type': 'application/json', [transport.httpTokenHeader]: token, host: `127.0.0.1:${port}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Latency of other calls while the corpus is imported, the way the app runs: the services behind the
 * HTTP host in their own process, this process uploading each file (base64 in JSON) and meanwhile
 * asking for figures.get and workspace.info every 10 ms.
 */
async function latencyDuringImport(appData: string, files: { name: string; bytes: Buffer }[]) {
  const child = spawn(process.execPath, [...process.execArgv, join(__dirname, 'app-host-child.ts'), appData], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { port, token } = await new Promise<{ port: number; token: string }>((resolve) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as { port: number; token: string });
    });
  });
  const uploads = files.map((f) => ({ files: [{ name: f.name, base64: f.bytes.toString('base64') }] }));
  await post(port, token, 'figures.get', { period: '2023-09' });
  const latencies: number[] = [];
  let importing = true;
  const prober = (async () => {
    while (importing) {
      const start = performance.now();
      await post(port, token, 'figures.get', { period: '2023-09' });
      await post(port, token, 'workspace.info', {});
      latencies.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const started = performance.now();
  for (const upload of uploads) await post(port, token, 'import.preview', upload);
  const importMs = performance.now() - started;
  importing = false;
  await prober;
  child.kill('SIGTERM');
  latencies.sort((a, b) => a - b);
  return {
    importMs,
    calls: latencies.length,
    medianMs: latencies[Math.floor(latencies.length / 2)] ?? 0,
    p95Ms: latencies[Math.floor(latencies.length * 0.95)] ?? 0,
    maxMs: latencies[latencies.length - 1] ?? 0,
  };
}

/**
 * Every file of the hostile corpus (tests/support/hostile-corpus.ts), each in a fresh process: refused
 * or read, in how long, with what peak memory; then the latency of other calls while all are imported.
 * Targets: each file ≤ 2 s and ≤ 300 MB; other calls ≤ 100 ms.
 */
export async function benchHostileImport() {
  const root = mkdtempSync(join(tmpdir(), 'zjb-bench-hostile-'));
  try {
    const appData = join(root, 'appdata');
    const services = createServices({ appRoot: ROOT, appVersion: 'bench', appDataDir: appData, documentsDir: appData });
    const info = await services.session.openSample();
    const [form] = await generateFillForms(services.session.require(), '2023-09', { regions: ['吴兴'] });
    await services.dispose();
    const corpus = hostileCorpus(form!.buffer);
    const genuine = join(root, 'genuine.xlsx');
    writeFileSync(genuine, form!.buffer);
    const files: HostileFileResult[] = [];
    let coldMs = 0;
    for (const [i, f] of corpus.entries()) {
      const path = join(root, `file-${i}.xlsx`);
      writeFileSync(path, f.bytes);
      const { stdout } = await run(
        process.execPath,
        [
          ...process.execArgv,
          join(__dirname, 'import-hostile-probe.ts'),
          info.dir,
          path,
          f.name,
          join(ROOT, 'templates'),
          genuine,
        ],
        { maxBuffer: 1 << 20 },
      );
      const r = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
        ms: number;
        coldMs: number;
        status: string;
        message: string;
        peakRssMb: number;
      };
      files.push({
        file: f.name,
        megabytes: f.bytes.length / 1048576,
        outcome: r.status === 'accepted' ? '读取' : `拒绝：${r.message.replace(/^“[^”]*”/, '').slice(0, 40)}`,
        ms: r.ms,
        peakRssMb: r.peakRssMb,
      });
      coldMs = Math.max(coldMs, r.coldMs);
    }
    const latency = await latencyDuringImport(join(root, 'appdata-2'), corpus);
    return {
      files,
      worstMs: Math.max(...files.map((f) => f.ms)),
      /** The first import of a session also starts the worker (from TypeScript sources here, via tsx). */
      firstGenuineFormColdMs: coldMs,
      worstPeakRssMb: Math.max(...files.map((f) => f.peakRssMb)),
      otherCallsDuringImport: latency,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
