/** Types of scripts/build-cli.mjs for the TypeScript callers (tests and benchmarks). */
export declare const CLI_EXTERNAL: string[];
export declare function buildCli(root?: string): Promise<void>;
