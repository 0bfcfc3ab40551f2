import { ArchitectureDocError } from '../api';

/**
 * Any failure as an {@link ArchitectureDocError}, so every view shows one
 * kind of error: errors of that class as they are, anything else as
 * `failed` with its message.
 */
export function asDocError(error: unknown): ArchitectureDocError {
  if (error instanceof ArchitectureDocError) return error;
  return new ArchitectureDocError(
    'failed',
    error instanceof Error ? error.message : String(error),
  );
}
