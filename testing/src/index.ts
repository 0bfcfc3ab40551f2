// Test helpers shared by the packages of this repository: where the files
// shared beside it are, tests that need them, label agreement measures and
// coverage rows for tests. Not published.
export * from './sharedFiles';
export * from './withSharedFiles';
export * from './label-agreement';
export * from './coverage-test-rows';
