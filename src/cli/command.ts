import type { Services } from '../main/services/container';

/** Where a command writes; tests capture it, the terminal gets process.stdout/stderr. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliContext {
  services: Services;
  appRoot: string;
  io: CliIo;
}

export interface CliCommand {
  name: string;
  /** One line for the command list, in Chinese. */
  summary: string;
  /** Full usage text, in Chinese. */
  usage: string;
  /** Resolves to the exit code. Long-running commands (serve) resolve when they stop. */
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** A wrong flag or argument: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
