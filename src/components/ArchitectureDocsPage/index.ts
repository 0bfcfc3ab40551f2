export { ArchitectureDocsPage } from './ArchitectureDocsPage';
export type { ArchitectureDocsPageProps } from './ArchitectureDocsPage';
