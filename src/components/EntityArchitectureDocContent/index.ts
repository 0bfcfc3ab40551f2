export { EntityArchitectureDocContent } from './EntityArchitectureDocContent';
export type { EntityArchitectureDocContentProps } from './EntityArchitectureDocContent';
