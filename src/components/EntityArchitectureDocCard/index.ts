export { ArchitectureDocCardView } from './ArchitectureDocCardView';
export type { ArchitectureDocCardViewProps } from './ArchitectureDocCardView';
export { EntityArchitectureDocCard } from './EntityArchitectureDocCard';
export type { EntityArchitectureDocCardProps } from './EntityArchitectureDocCard';
