import { useMemo } from 'react';
import { useArchitectureDocsConfig } from './useArchitectureDocsConfig';

/**
 * Every configuration value the views ignore: those the config reader
 * rejected, and the configured template when it could not be used.
 */
export function useConfigProblems(templateProblem?: string): string[] {
  const { problems } = useArchitectureDocsConfig();
  return useMemo(
    () => (templateProblem ? [...problems, templateProblem] : problems),
    [problems, templateProblem],
  );
}
