export * from './analyze-coverage-content';
export * from './coverage-row';
export * from './coverage-filters';
export * from './coverage-csv';
export * from './coverage-summary';
export * from './scan-coverage';
export * from './coverage-result-cache';
export * from './time-sliced-queue';
