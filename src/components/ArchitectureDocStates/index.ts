export {
  ArchitectureDocErrorState,
  EmptyDocState,
  LoadingState,
  NoAnnotationState,
  NotArchitectureDocNotice,
  TooComplexNotice,
  annotationSnippet,
} from './ArchitectureDocStates';
export type { ArchitectureDocErrorStateProps } from './ArchitectureDocStates';
