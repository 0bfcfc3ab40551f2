import { useMemo } from 'react';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import {
  readArchitectureDocsConfig,
  type ArchitectureDocsConfig,
} from '../api';

/**
 * The plugin's configuration with defaults applied; invalid values are
 * replaced by their defaults and listed in `problems`.
 */
export function useArchitectureDocsConfig(): ArchitectureDocsConfig {
  const configApi = useApi(configApiRef);
  return useMemo(() => readArchitectureDocsConfig(configApi), [configApi]);
}
