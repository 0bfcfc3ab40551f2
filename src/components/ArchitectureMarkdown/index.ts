export { ArchitectureMarkdown } from './ArchitectureMarkdown';
export type {
  ArchitectureMarkdownProps,
  ArchitectureLinkRenderProps,
} from './types';
