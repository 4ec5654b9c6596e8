import { createServices } from '../main/services/container';
import { findAppRoot } from '../main/services/paths';
import { AppError } from '../shared/errors';
import { UsageError, type CliCommand, type CliIo } from './command';
import { version } from '../../package.json';

/**
 * Each command's module is loaded only when that command runs: `figures get` must not pay for loading docx,
 * exceljs or ECharts (the bundle keeps them as lazily initialised modules), so every command starts fast.
 */
const commandLoaders: Record<string, () => Promise<CliCommand>> = {
  demo: async () => (await import('./commands/demo')).demoCommand,
  sample: async () => (await import('./commands/sample')).sampleCommand,
  systems: async () => (await import('./commands/systems')).systemsCommand,
  figures: async () => (await import('./commands/figures')).figuresCommand,
  targets: async () => (await import('./commands/targets')).targetsCommand,
  regions: async () => (await import('./commands/regions')).regionsCommand,
  history: async () => (await import('./commands/history')).historyCommand,
  restore: async () => (await import('./commands/history')).restoreCommand,
  'fill-forms': async () => (await import('./commands/fill-forms')).fillFormsCommand,
  import: async () => (await import('./commands/import')).importCommand,
  compute: async () => (await import('./commands/compute')).computeCommand,
  briefing: async () => (await import('./commands/documents')).briefingCommand,
  ranking: async () => (await import('./commands/documents')).rankingCommand,
  audit: async () => (await import('./commands/audit')).auditCommand,
  issue: async () => (await import('./commands/register')).issueCommand,
  issued: async () => (await import('./commands/register')).issuedCommand,
  serve: async () => (await import('./commands/serve')).serveCommand,
  server: async () => (await import('./commands/server')).serverCommand,
};

export const commandNames = Object.keys(commandLoaders);

async function loadCommand(name: string): Promise<CliCommand | undefined> {
  const load = Object.prototype.hasOwnProperty.call(commandLoaders, name) ? commandLoaders[name] : undefined;
  return load ? load() : undefined;
}

async function help(): Promise<string> {
  const commands = await Promise.all(commandNames.map((n) => loadCommand(n)));
  const lines = [
    `指标简报助手 命令行 ${version}`,
    '',
    '用法：npm run cli -- <命令> [选项]',
    '',
    '命令：',
    ...commands.flatMap((c) => (c ? [`  ${c.name.padEnd(12)}${c.summary}`] : [])),
    '',
    '查看某个命令的说明：npm run cli -- <命令> --help',
    '查看版本：npm run cli -- --version',
  ];
  return lines.join('\n') + '\n';
}

/** Runs the CLI; returns the exit code (0 ok, 1 failed, 2 wrong usage). */
export async function runCli(argv: string[], io: CliIo, appRoot = findAppRoot(__dirname)): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(await help());
    return 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(`${version}\n`);
    return 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.err(`不认识的命令“${name}”。\n\n${await help()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage + '\n');
    return 0;
  }
  const services = createServices({ appRoot, appVersion: version });
  try {
    const code = await command.run(args, { services, appRoot, io });
    await services.dispose();
    return code;
  } catch (err) {
    await services.dispose().catch(() => undefined);
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (err instanceof AppError) {
      io.err(`${err.message}\n`);
      return 1;
    }
    io.err(`出错了：${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

const isEntry = typeof require !== 'undefined' && require.main === module;
if (isEntry) {
  const io: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
