export { ArchitectureDocSearchResultListItem } from './ArchitectureDocSearchResultListItem';
export type { ArchitectureDocSearchResultListItemProps } from './ArchitectureDocSearchResultListItem';
