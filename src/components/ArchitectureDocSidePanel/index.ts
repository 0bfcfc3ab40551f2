export { ArchitectureDocSidePanel } from './ArchitectureDocSidePanel';
export type { ArchitectureDocSidePanelProps } from './ArchitectureDocSidePanel';
export { ContractDrawer } from './ContractDrawer';
export type {
  ContractDrawerProps,
  ContractDrawerTarget,
} from './ContractDrawer';
export { CompletenessScore } from './CompletenessScore';
export type { CompletenessScoreProps } from './CompletenessScore';
export { SectionChecklist } from './SectionChecklist';
export type { SectionChecklistProps } from './SectionChecklist';
export { computeSystemDrift } from './systemDrift';
export type {
  DiagramEntityRef,
  DriftSubject,
  RelatedRef,
  SystemDrift,
  SystemDriftInput,
} from './systemDrift';
export { contractGroups, relatedDocLinks } from './sidePanelLinks';
export type { ContractGroup, PanelLink } from './sidePanelLinks';
