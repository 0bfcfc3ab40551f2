export { ArchitectureDocsErrorBoundary } from './ArchitectureDocsErrorBoundary';
export type {
  ArchitectureDocsErrorBoundaryProps,
  ArchitectureDocsView,
} from './ArchitectureDocsErrorBoundary';
