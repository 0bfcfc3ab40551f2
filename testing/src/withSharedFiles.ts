import { sharedFilesSkipReason } from './sharedFiles';

/**
 * The test functions for tests that read the shared files beside the
 * repository: the usual ones when the files are there, the skipping ones
 * when they are not (chosen once, when a test file loads).
 */
const skipReason = sharedFilesSkipReason();

/** `describe` when the shared files are there, `describe.skip` when they are not. */
export const describeWithSharedFiles: jest.Describe =
  skipReason === undefined ? describe : describe.skip;

/** `it` when the shared files are there, `it.skip` when they are not. */
export const itWithSharedFiles: jest.It =
  skipReason === undefined ? it : it.skip;
