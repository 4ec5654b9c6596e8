// The CLI as a child process, run from source against a given app root: `node cli-entry.js <appRoot> <args…>`.
import { runCli } from '../../src/cli';

const [appRoot, ...argv] = process.argv.slice(2);
void runCli(argv, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }, appRoot).then(
  (code) => {
    process.exitCode = code;
  },
);
