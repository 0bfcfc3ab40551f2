export {
  ArchitectureDocErrorState,
  EmptyDocState,
  LoadingState,
  NoAnnotationState,
  NotArchitectureDocNotice,
  annotationSnippet,
} from './ArchitectureDocStates';
export type { ArchitectureDocErrorStateProps } from './ArchitectureDocStates';
