#!/usr/bin/env node
// Thin Node glue for the `cape` command: the logic lives in utils/cape-cli.ts, run through tsx.
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { tsImport } from 'tsx/esm/api';

const { runCapeCli } = await tsImport('../utils/cape-cli.ts', import.meta.url);
const { localToday } = await tsImport('../utils/calendar-date.ts', import.meta.url);

const reasons = { ENOENT: 'no such file', EISDIR: 'is a folder, not a file', EACCES: 'permission denied', EPERM: 'permission denied' };

function readError(error) {
  return new Error(reasons[error?.code] ?? error?.message ?? String(error));
}

/** Excel's "Unicode Text" is UTF-16 with a byte-order mark: decode it as such, everything else as UTF-8. */
async function encodingOf(path) {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    if (bytesRead === 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf16le';
    return 'utf8';
  } finally {
    await handle.close();
  }
}

async function* readTextChunks(path) {
  try {
    if (path === '-') {
      process.stdin.setEncoding('utf8');
      for await (const chunk of process.stdin) yield chunk;
      return;
    }
    const encoding = await encodingOf(path);
    for await (const chunk of createReadStream(path, { encoding, highWaterMark: 1 << 20 })) yield chunk;
  } catch (error) {
    throw readError(error);
  }
}

const environment = {
  readTextChunks,
  async readText(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      throw readError(error);
    }
  },
  async makeDirectory(path) {
    await mkdir(path, { recursive: true });
  },
  async writeFile(path, content) {
    await writeFile(path, content, 'utf8');
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  today: () => localToday(),
};

try {
  process.exitCode = await runCapeCli(process.argv.slice(2), environment);
} catch (error) {
  process.stderr.write(`cape: ${error?.message ?? error}\n`);
  process.exitCode = 1;
}
