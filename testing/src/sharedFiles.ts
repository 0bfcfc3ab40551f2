import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where the tests find the files shared beside the repository
 * (`../shared`): the corpus of real docs with their labels, and the team's
 * template. A clone of the repository alone has neither; the tests that read
 * them are then skipped, and the test run prints one line saying why
 * (`reportSharedFiles.ts`); `withSharedFiles.ts` picks `describe` or
 * `describe.skip` for them. With {@link REQUIRE_SHARED_FILES_ENV} set, as in
 * CI, a missing file fails the run instead.
 */

/** Set to `1` to fail, rather than skip, the tests that need the shared files. */
export const REQUIRE_SHARED_FILES_ENV = 'ARCHITECTURE_DOCS_REQUIRE_CORPUS';

/** The folder shared beside `repoRoot` (or `ARCHITECTURE_DOCS_SHARED_DIR`). */
export function sharedDirBeside(
  repoRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return path.resolve(
    env.ARCHITECTURE_DOCS_SHARED_DIR || path.join(repoRoot, '..', 'shared'),
  );
}

/** The shared folder beside this repository. */
export const sharedDir = sharedDirBeside(path.resolve(__dirname, '..', '..'));

/** The corpus of real docs and their labels. */
export const corpusDir = path.join(sharedDir, 'corpus');

/** The team's architecture template, which the plugin ships as its default. */
export const sharedTemplateFile = path.join(
  sharedDir,
  'template',
  'architecture-template.md',
);

/** The official arc42 template file (English, with help), as its authors publish it. */
export const arc42TemplateFile = path.join(
  sharedDir,
  'template',
  'arc42-template-EN-withhelp.md',
);

/** The shared files the tests read that are not there. */
export function missingSharedFiles(): string[] {
  return [corpusDir, sharedTemplateFile, arc42TemplateFile].filter(
    file => !fs.existsSync(file),
  );
}

/**
 * Why the tests that read the shared files cannot run, or `undefined` when
 * they can. Throws when they cannot and {@link REQUIRE_SHARED_FILES_ENV} is
 * set.
 */
export function sharedFilesSkipReason(
  env: NodeJS.ProcessEnv = process.env,
  missing: string[] = missingSharedFiles(),
): string | undefined {
  if (missing.length === 0) return undefined;
  const reason = `the shared files beside the repository are missing (${missing.join(', ')})`;
  if (env[REQUIRE_SHARED_FILES_ENV] === '1') {
    throw new Error(`${REQUIRE_SHARED_FILES_ENV}=1 but ${reason}`);
  }
  return reason;
}

/** Every markdown file under `dir`, recursively. */
export function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return /\.md$/i.test(entry.name) ? [full] : [];
  });
}
