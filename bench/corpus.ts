import * as fs from 'node:fs';
import * as path from 'node:path';

/** The shared corpus of real docs, beside the repository (or `CORPUS_DIR`). */
export const corpusDir = path.resolve(
  process.env.CORPUS_DIR ?? path.join(process.cwd(), '../shared/corpus/retrovue'),
);

/** Every markdown file under `dir`, recursively. */
export function markdownFiles(dir: string = corpusDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return /\.md$/i.test(entry.name) ? [full] : [];
  });
}
