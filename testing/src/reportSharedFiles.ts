import { REQUIRE_SHARED_FILES_ENV, sharedFilesSkipReason } from './sharedFiles';

/**
 * Jest global setup: prints one line when the tests that read the shared
 * files beside the repository will be skipped, and fails the run instead
 * when {@link REQUIRE_SHARED_FILES_ENV} is set.
 */
export default function reportSharedFiles(): void {
  const reason = sharedFilesSkipReason();
  if (reason !== undefined) {
    process.stdout.write(
      `Skipping the tests that read ../shared: ${reason}. Set ${REQUIRE_SHARED_FILES_ENV}=1 to fail instead.\n`,
    );
  }
}
