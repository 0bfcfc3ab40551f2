export { ArchitectureDocsPage } from './ArchitectureDocsPage';
