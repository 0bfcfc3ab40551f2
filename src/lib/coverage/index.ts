export * from './coverage-analysis';
export * from './coverage-row';
export * from './coverage-filters';
export * from './coverage-csv';
export * from './coverage-summary';
export * from './coverage-scan';
export * from './coverage-cache';
export * from './time-sliced-queue';
