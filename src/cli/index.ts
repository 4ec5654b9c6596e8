import { createServices } from '../main/services/container';
import { findAppRoot } from '../main/services/paths';
import { AppError } from '../shared/errors';
import { UsageError, type CliCommand, type CliIo } from './command';
import { computeCommand } from './commands/compute';
import { demoCommand } from './commands/demo';
import { briefingCommand, rankingCommand } from './commands/documents';
import { figuresCommand } from './commands/figures';
import { fillFormsCommand } from './commands/fill-forms';
import { historyCommand, restoreCommand } from './commands/history';
import { importCommand } from './commands/import';
import { sampleCommand } from './commands/sample';
import { serveCommand } from './commands/serve';
import { systemsCommand } from './commands/systems';
import { version } from '../../package.json';

export const commands: CliCommand[] = [
  demoCommand,
  sampleCommand,
  systemsCommand,
  figuresCommand,
  historyCommand,
  restoreCommand,
  fillFormsCommand,
  importCommand,
  computeCommand,
  briefingCommand,
  rankingCommand,
  serveCommand,
];

function help(): string {
  const lines = [
    `指标简报助手 命令行 ${version}`,
    '',
    '用法：npm run cli -- <命令> [选项]',
    '',
    '命令：',
    ...commands.map((c) => `  ${c.name.padEnd(12)}${c.summary}`),
    '',
    '查看某个命令的说明：npm run cli -- <命令> --help',
  ];
  return lines.join('\n') + '\n';
}

/** Runs the CLI; returns the exit code (0 ok, 1 failed, 2 wrong usage). */
export async function runCli(argv: string[], io: CliIo, appRoot = findAppRoot(__dirname)): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`不认识的命令“${name}”。\n\n${help()}`);
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
