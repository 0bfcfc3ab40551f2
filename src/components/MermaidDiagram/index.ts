export { MermaidDiagram } from './MermaidDiagram';
export type { MermaidDiagramProps } from './MermaidDiagram';
