/*
 * What the measuring tools in this folder share: a logger that prints only
 * errors, and a way to load the repository's ES-module dev fixtures.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';

/** Prints errors only, so that a tool's output is its figures. */
export const quietLogger: LoggerService = {
  error: (message: string) => process.stderr.write(`error: ${message}\n`),
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => quietLogger,
};

/**
 * Imports an ES module (the dev doc server); written so that the CommonJS
 * transform the tools run under leaves the import as it is.
 */
// eslint-disable-next-line no-new-func
export const importModule = new Function('m', 'return import(m)') as (
  m: string,
) => Promise<any>;
