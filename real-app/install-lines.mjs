// The lines a user adds to a Backstage app to install the plugin, read from
// the README's install section, and the code that adds them to an app created
// by @backstage/create-app. The real-app check applies exactly these lines, so
// the README cannot drift from what is proven to work.
//
// In the README, each block the check applies follows a marker comment:
//
//   <!-- install-lines: <system> <file> <place> [search] -->
//   ```tsx
//   ...the lines...
//   ```
//
// <system> is `new` or `legacy` (the app's frontend system), or `backend`
// (the app's backend, the same for both); <file> is relative to the app root;
// <place> says where the lines go (see PLACES). A block marked `search` adds
// the plugin to the app's search (the backend's search module, the result
// item of a legacy app's search page); its lines are counted apart from the
// plugin's, against MAX_SEARCH_CHANGED_LINES.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The README whose install section is applied. */
export const README_PATH = path.resolve(here, '..', 'README.md');

/** The package a user installs in the app. */
export const PACKAGE_NAME = 'backstage-plugin-architecture-docs';

/** The package a user installs in the app's backend. */
export const BACKEND_PACKAGE_NAME =
  'backstage-plugin-architecture-docs-backend';

/** The package each install-lines system's dependency block adds. */
const PACKAGE_OF_SYSTEM = {
  new: PACKAGE_NAME,
  legacy: PACKAGE_NAME,
  backend: BACKEND_PACKAGE_NAME,
};

/** At most this many lines may change in the app's frontend, besides the dependency. */
export const MAX_CHANGED_LINES = 5;

/**
 * At most this many lines may change in the app's backend, the dependency
 * counted as one.
 */
export const MAX_BACKEND_CHANGED_LINES = 2;

/**
 * At most this many lines may change for the app's search, per system,
 * besides the plugin's own lines: the backend's search module is one line;
 * a legacy app's search page imports the result item and lists it.
 */
export const MAX_SEARCH_CHANGED_LINES = { new: 0, legacy: 2, backend: 1 };

const MARKER =
  /^<!-- install-lines: (new|legacy|backend) (\S+) (\S+)(?: (search))? -->$/;

/**
 * Where a block goes in its file. Each returns the index of the line before
 * which the block is inserted, or -1 when the file does not look like the one
 * create-app generates.
 */
const PLACES = {
  // Top of the file: imports may come in any order.
  top: () => 0,
  // Right after the Overview tab of the service entity page.
  'service-entity-page-tabs': lines => {
    const start = lines.findIndex(line =>
      line.startsWith('const serviceEntityPage = ('),
    );
    if (start < 0) return -1;
    const close = lines.findIndex(
      (line, index) => index > start && line.trim() === '</EntityLayout.Route>',
    );
    return close < 0 ? -1 : close + 1;
  },
  // The last route of the app's FlatRoutes.
  'app-routes': lines =>
    lines.findIndex(line => line.trim() === '</FlatRoutes>'),
  // The last result item of the app's search page.
  'search-result-items': lines =>
    lines.findIndex(line => line.trim() === '</SearchResult>'),
  // Among the backend's features, before it starts.
  'backend-features': lines =>
    lines.findIndex(line => line.trim() === 'backend.start();'),
  // The package.json `dependencies` of the app package (see applyDependency).
  dependency: () => -1,
};

/**
 * The install blocks of the README for one system, in README order.
 *
 * @param {'new' | 'legacy' | 'backend'} system
 * @param {string} [readme] README text; default: this package's README.
 * @returns {Array<{ system: string, file: string, place: string, search: boolean, lines: string[] }>}
 */
export function readInstallBlocks(
  system,
  readme = readFileSync(README_PATH, 'utf8'),
) {
  const lines = readme.split('\n');
  const blocks = [];
  lines.forEach((line, index) => {
    const marker = line.trim().match(MARKER);
    if (!marker || marker[1] !== system) return;
    const [, , file, place, search] = marker;
    if (!(place in PLACES)) {
      throw new Error(`README line ${index + 1}: unknown place "${place}"`);
    }
    const fence = lines[index + 1] ?? '';
    if (!fence.startsWith('```')) {
      throw new Error(
        `README line ${index + 2}: a code block must follow the install-lines marker`,
      );
    }
    const end = lines.findIndex(
      (text, at) => at > index + 1 && text.startsWith('```'),
    );
    if (end < 0)
      throw new Error(`README line ${index + 2}: unclosed code block`);
    blocks.push({
      system,
      file,
      place,
      search: search === 'search',
      lines: lines.slice(index + 2, end),
    });
  });
  if (!blocks.some(block => block.place === 'dependency')) {
    throw new Error(
      `The README has no install-lines dependency block for the ${system} frontend system`,
    );
  }
  return blocks;
}

/**
 * The dependency block must be the one command a user runs, naming the
 * system's package and the app package it goes to.
 */
function checkDependencyCommand(block) {
  const command = block.lines.join(' ').trim();
  const expected = `yarn --cwd ${path.dirname(block.file)} add ${PACKAGE_OF_SYSTEM[block.system]}`;
  if (command !== expected) {
    throw new Error(
      `The README's dependency command is "${command}", expected "${expected}"`,
    );
  }
}

/**
 * Adds the README's lines for one system to an app: a frontend system
 * (`new`, `legacy`) or the app's `backend`. The dependency is written as
 * `version` (a `workspace:` range when the package is a workspace of the app)
 * instead of the registry version the README's command would pick. Throws
 * when a place is not found or too many lines would change: for the
 * frontend, more than MAX_CHANGED_LINES besides the dependency; for the
 * backend, more than MAX_BACKEND_CHANGED_LINES with the dependency; for the
 * search blocks, more than the system's MAX_SEARCH_CHANGED_LINES.
 *
 * @param {string} appDir
 * @param {'new' | 'legacy' | 'backend'} system
 * @param {object} options
 * @param {string} options.version The dependency range to write.
 * @param {(file: string) => string} options.read
 * @param {(file: string, text: string) => void} options.write
 * @param {boolean} [options.search] Whether to add the search blocks; default true.
 * @returns {{ changedLines: number, searchChangedLines: number, files: string[] }}
 */
export function applyInstallLines(
  appDir,
  system,
  { version, read, write, search = true },
) {
  const blocks = readInstallBlocks(system).filter(
    block => search || !block.search,
  );
  let changedLines = 0;
  let searchChangedLines = 0;
  const files = new Set();
  for (const block of blocks) {
    const file = path.join(appDir, block.file);
    if (block.place === 'dependency') {
      checkDependencyCommand(block);
      const pkg = JSON.parse(read(file));
      pkg.dependencies = {
        ...pkg.dependencies,
        [PACKAGE_OF_SYSTEM[system]]: version,
      };
      // One line in the backend's package.json.
      if (system === 'backend') changedLines += 1;
      write(file, `${JSON.stringify(pkg, null, 2)}\n`);
      files.add(block.file);
      continue;
    }
    const lines = read(file).split('\n');
    const at = PLACES[block.place](lines);
    if (at < 0) {
      throw new Error(
        `${block.file}: could not find the place "${block.place}" for ${block.lines.join(' ')}`,
      );
    }
    lines.splice(at, 0, ...block.lines);
    write(file, lines.join('\n'));
    if (block.search) searchChangedLines += block.lines.length;
    else changedLines += block.lines.length;
    files.add(block.file);
  }
  if (searchChangedLines > MAX_SEARCH_CHANGED_LINES[system]) {
    throw new Error(
      `Adding the plugin to the search of a ${system === 'backend' ? "app's backend" : `${system}-system app`} changes ${searchChangedLines} lines; at most ${MAX_SEARCH_CHANGED_LINES[system]} are allowed`,
    );
  }
  if (system === 'backend' && changedLines > MAX_BACKEND_CHANGED_LINES) {
    throw new Error(
      `Installing in the app's backend changes ${changedLines} lines, the dependency included; at most ${MAX_BACKEND_CHANGED_LINES} are allowed`,
    );
  }
  if (system !== 'backend' && changedLines > MAX_CHANGED_LINES) {
    throw new Error(
      `Installing in a ${system}-system app changes ${changedLines} lines besides the dependency; at most ${MAX_CHANGED_LINES} are allowed`,
    );
  }
  return { changedLines, searchChangedLines, files: [...files] };
}
