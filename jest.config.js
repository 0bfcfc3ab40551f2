// Jest for the whole repository: the frontend plugin at the root and the
// workspace packages beside it (common/, backend/).
//
// Backstage's configuration, run at a workspace root, makes one project per
// workspace package. The root is a package too, the frontend plugin: it gets
// the project Backstage makes for the common library, which has the same
// frontend role settings (jsdom, transforms, module loader), with the root's
// own source folder, setup file and extra test folders.
const path = require('node:path');
const { name } = require('./package.json');

module.exports = (async () => {
  const backstageConfig = await require('@backstage/cli/config/jest');
  const common = backstageConfig.projects.find(
    project =>
      project.displayName === 'backstage-plugin-architecture-docs-common',
  );
  if (!common) {
    throw new Error('jest.config.js: the common package has no test project');
  }
  const rootProject = {
    ...common,
    id: `${common.id}_root`,
    displayName: name,
    rootDir: path.resolve(__dirname, 'src'),
    roots: ['<rootDir>', '<rootDir>/../bench', '<rootDir>/../e2e'],
    setupFilesAfterEnv: [
      ...(common.setupFilesAfterEnv ?? []),
      '<rootDir>/setupTests.ts',
    ],
    // Says once per run whether the tests that read ../shared run or skip.
    globalSetup: '<rootDir>/../testing/src/reportSharedFiles.ts',
  };
  return {
    ...backstageConfig,
    projects: [rootProject, ...backstageConfig.projects],
  };
})();
