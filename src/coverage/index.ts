// The catalog-wide scan's plain data and pure steps, which the page's views
// read. The parts that need a browser or the docs API (the analysis workers,
// loading a doc, the session caches, the CSV download) are imported from
// their own files, so this entry stays free of them.
export * from './analyze-coverage-content';
export * from './coverage-row';
export * from './coverage-filters';
export * from './coverage-csv';
export * from './coverage-summary';
export * from './scan-coverage';
export * from './coverage-result-cache';
export * from './time-sliced-queue';
