import * as path from 'node:path';
import {
  markdownFiles as markdownFilesUnder,
  sharedDirBeside,
} from '@internal/architecture-docs-testing';

/**
 * The shared corpus of real docs, beside the repository (or `CORPUS_DIR`).
 * The benchmarks run from the repository's root.
 */
export const corpusDir = path.resolve(
  process.env.CORPUS_DIR ??
    path.join(sharedDirBeside(process.cwd()), 'corpus', 'retrovue'),
);

/** Every markdown file under `dir` (the corpus by default), recursively. */
export function markdownFiles(dir: string = corpusDir): string[] {
  return markdownFilesUnder(dir);
}
