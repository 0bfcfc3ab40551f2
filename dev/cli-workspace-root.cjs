// Preloaded into the Backstage CLI that serves or bundles the dev portal
// (`node --require dev/cli-workspace-root.cjs`, or NODE_OPTIONS). The
// frontend plugin is the workspace root and its packages (common/, backend/)
// are workspaces; the CLI looks the package it starts up among the workspaces
// only, where the root is not listed, and stops with "Package
// 'backstage-plugin-architecture-docs' not found". This adds the root to the
// workspace list when it is a Backstage package itself, so that the CLI reads
// its config schema and its workspace dependencies' schemas as usual.
'use strict';

const path = require('node:path');

const getPackagesModule = require(
  require.resolve('@manypkg/get-packages', {
    paths: [require.resolve('@backstage/cli-module-build/package.json')],
  }),
);

function withRootPackage(result) {
  const root = result.root;
  if (
    root &&
    root.packageJson.backstage &&
    !result.packages.some(
      pkg => path.resolve(pkg.dir) === path.resolve(root.dir),
    )
  ) {
    return { ...result, packages: [root, ...result.packages] };
  }
  return result;
}

const { getPackages, getPackagesSync } = getPackagesModule;
getPackagesModule.getPackages = async (...args) =>
  withRootPackage(await getPackages(...args));
getPackagesModule.getPackagesSync = (...args) =>
  withRootPackage(getPackagesSync(...args));
