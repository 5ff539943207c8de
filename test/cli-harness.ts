// Runs the `pace` command in-process, as a user would type it, capturing what it prints.
import { Readable, Writable } from 'node:stream';
import { main } from '../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function pace(args: readonly string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<CliRun> {
  let out = '';
  let err = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        append(chunk.toString());
        callback();
      },
    });
  const code = await main(['node', 'pace', ...args], {
    out: sink((text) => (out += text)),
    err: sink((text) => (err += text)),
    env,
    stdin: Readable.from(stdin === '' ? [] : [stdin]),
  });
  return { code, out, err };
}
