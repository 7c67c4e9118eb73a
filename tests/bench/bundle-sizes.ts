/** Built bundle sizes per entrypoint, read from the manifest and the HTML pages it names (what each surface loads). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrypointSize {
  entrypoint: string;
  files: string[];
  bytes: number;
  gzipBytes: number;
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
  side_panel?: { default_path?: string };
  options_ui?: { page?: string };
  options_page?: string;
}

function clean(path: string): string {
  return path.replace(/^\.?\//, '');
}

/** Files a page loads at once: its scripts, module preloads and style sheets. */
function pageFiles(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  const files = [page];
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)="([^"]+)"/g)) {
    const path = clean(match[1]!);
    if (!/^[a-z]+:/i.test(path) && existsSync(join(dir, path))) files.push(path);
  }
  return files;
}

/** Scripts a bundle starts later (workers, lazy chunks): built asset names inside its code. */
function laterFiles(dir: string, files: readonly string[]): string[] {
  const found = new Set<string>();
  const queue = files.filter((file) => file.endsWith('.js'));
  while (queue.length > 0) {
    const code = readFileSync(join(dir, queue.pop()!), 'utf8');
    for (const match of code.matchAll(/["'`/]((?:assets|chunks)\/[\w.-]+\.js)["'`]/g)) {
      const path = match[1]!;
      if (files.includes(path) || found.has(path) || !existsSync(join(dir, path))) continue;
      found.add(path);
      queue.push(path);
    }
  }
  return [...found];
}

function measure(dir: string, entrypoint: string, files: string[]): EntrypointSize {
  const all = [...new Set([...files, ...laterFiles(dir, files)])];
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of all) {
    const content = readFileSync(join(dir, file));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { entrypoint, files: all, bytes, gzipBytes };
}

export function bundleSizes(dir: string): EntrypointSize[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const sizes: EntrypointSize[] = [];
  const background = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
  if (background) sizes.push(measure(dir, 'background', [clean(background)]));
  const content = (manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])].map(clean));
  if (content.length > 0) sizes.push(measure(dir, 'content script (overlay)', [...new Set(content)]));
  const pages: [string, string | undefined][] = [
    ['popup', manifest.action?.default_popup],
    ['side panel', manifest.side_panel?.default_path],
    ['options', manifest.options_ui?.page ?? manifest.options_page],
  ];
  for (const [name, page] of pages) if (page) sizes.push(measure(dir, name, pageFiles(dir, clean(page))));
  return sizes;
}
