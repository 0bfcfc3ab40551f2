#!/usr/bin/env node
/* The command-line check, bundled by `npm run build:cli` (run on install). */
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist-cli', 'architecture-docs.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'architecture-docs: the command is not built yet; run "npm run build:cli" in the package folder.\n',
  );
  process.exit(2);
}
require(bundle);
