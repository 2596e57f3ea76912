/**
 * Keeps only our own sources in a bundle's source map: the mappings, sources
 * and names of node_modules/ (the AWS SDK is ~85% of the Lambda bundle and
 * ~85% of its map) are dropped, so a stack frame in src/, functions/ or
 * infra code still maps to its TypeScript file and line, and a frame inside a
 * library shows the bundle's own line and column. Cuts the Lambda's map from
 * ~2.2 MB to ~0.3 MB (the bundle limit is 10 MB with the models).
 *
 *   node scripts/trim-source-map.mjs dist/index.mjs.map
 *
 * Plain JavaScript: the CDK bundling hook runs it with `node` after esbuild.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { decode, encode } from '@jridgewell/sourcemap-codec';

/** Whether a source of the map is a library's (dropped) rather than ours (kept). */
export const isLibrarySource = (source) => /(^|\/)node_modules\//.test(source);

/**
 * A copy of a v3 source map (esbuild's: one section) without the segments,
 * sources and names of library code; sources and names are renumbered.
 */
export function trimSourceMap(map) {
  const keepSource = new Map(); // old source index → new
  const sources = [];
  map.sources.forEach((s, i) => {
    if (isLibrarySource(s)) return;
    keepSource.set(i, sources.length);
    sources.push(s);
  });
  const keepName = new Map();
  const names = [];
  const lines = decode(map.mappings).map((line) => {
    const out = [];
    for (const seg of line) {
      const src = seg.length === 1 ? undefined : keepSource.get(seg[1]);
      if (src === undefined) {
        // Library code (or code mapped to nothing): a segment of its own that maps to nothing,
        // so the column does not fall under the segment of our code before it. One per run.
        if (out.length === 0 || out[out.length - 1].length !== 1) out.push([seg[0]]);
        continue;
      }
      if (seg.length === 5) {
        let n = keepName.get(seg[4]);
        if (n === undefined) keepName.set(seg[4], (n = names.push(map.names[seg[4]]) - 1));
        out.push([seg[0], src, seg[2], seg[3], n]);
      } else out.push([seg[0], src, seg[2], seg[3]]);
    }
    return out;
  });
  const trimmed = { ...map, sources, names, mappings: encode(lines) };
  if (map.sourcesContent) trimmed.sourcesContent = map.sourcesContent.filter((_, i) => keepSource.has(i));
  return trimmed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = process.argv[2];
  if (!path) {
    process.stderr.write('usage: node scripts/trim-source-map.mjs <file.map>\n');
    process.exit(2);
  }
  writeFileSync(path, JSON.stringify(trimSourceMap(JSON.parse(readFileSync(path, 'utf8')))));
}
