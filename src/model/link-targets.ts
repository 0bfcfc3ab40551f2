import { ArchitectureDocError, type ArchitectureDocsApi } from '../api';
import { runWithConcurrency } from '../lib/run-with-concurrency';
import type { LinkTargetStatus } from './loaded-doc';

/**
 * Whether the doc at `url` exists: `ok` when the host serves it, `missing`
 * on a 404, and `unknown` for any other failure (no access, network), which
 * says nothing about the target and so does not cry wolf.
 */
export async function linkTargetStatus(
  api: Pick<ArchitectureDocsApi, 'getDoc'>,
  url: string,
  signal: AbortSignal,
): Promise<LinkTargetStatus> {
  try {
    await api.getDoc(url, { signal });
    return 'ok';
  } catch (error) {
    return error instanceof ArchitectureDocError && error.kind === 'not-found'
      ? 'missing'
      : 'unknown';
  }
}

/**
 * Checks which link targets exist, `concurrency` at a time, and reports
 * each one's {@link linkTargetStatus}. Once `signal` aborts, nothing more
 * is requested or reported.
 */
export async function checkLinkTargets(options: {
  api: Pick<ArchitectureDocsApi, 'getDoc'>;
  urls: readonly string[];
  concurrency: number;
  signal: AbortSignal;
  onResult(url: string, status: LinkTargetStatus): void;
}): Promise<void> {
  const { api, signal } = options;
  await runWithConcurrency(
    options.urls,
    options.concurrency,
    async url => {
      const status = await linkTargetStatus(api, url, signal);
      if (!signal.aborted) options.onResult(url, status);
    },
    signal,
  );
}
