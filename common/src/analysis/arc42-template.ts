import {
  templateFromSections,
  type TemplateSectionInput,
} from './template-model';
import type { TemplateModel } from './types';

/**
 * arc42's twelve sections with a short guidance each, in our own words; the
 * aliases (English alternatives and German titles) come from
 * `ARC42_SECTION_ALIASES`, matched by title.
 */
const ARC42_SECTIONS: readonly TemplateSectionInput[] = [
  {
    title: 'Introduction and Goals',
    guidance:
      'The requirements that drive the architecture, the top quality goals, and the stakeholders with their expectations.',
  },
  {
    title: 'Architecture Constraints',
    guidance:
      'Technical, organisational and legal constraints the architects must respect, and the conventions in force.',
  },
  {
    title: 'Context and Scope',
    guidance:
      'What lies inside the system and what outside: neighbouring systems, users and the interfaces between them, from the business and the technical side.',
  },
  {
    title: 'Solution Strategy',
    guidance:
      'The fundamental decisions and approaches that shape the solution: technologies, top-level decomposition, how quality goals are reached.',
  },
  {
    title: 'Building Block View',
    guidance:
      'The static decomposition into building blocks, each with its responsibility and interfaces, refined level by level.',
  },
  {
    title: 'Runtime View',
    guidance:
      'How the building blocks cooperate at runtime in important scenarios, as sequences or flows.',
  },
  {
    title: 'Deployment View',
    guidance:
      'The technical infrastructure the system runs on and how building blocks map to it: environments, nodes, channels.',
  },
  {
    title: 'Cross-cutting Concepts',
    guidance:
      'Overall rules and solutions that apply in many parts: domain models, patterns, persistence, error handling, security.',
  },
  {
    title: 'Architecture Decisions',
    guidance:
      'Important, expensive, risky or surprising decisions with their reasons, for example as decision records.',
  },
  {
    title: 'Quality Requirements',
    guidance:
      'Quality requirements beyond the top goals, as a quality tree and concrete, measurable quality scenarios.',
  },
  {
    title: 'Risks and Technical Debts',
    guidance:
      'Known technical risks and debts, ordered by priority, with the measures planned against them.',
  },
  {
    title: 'Glossary',
    guidance:
      'The important domain and technical terms, with their definitions, so everyone uses them the same way.',
  },
];

let arc42Model: TemplateModel | undefined;

/**
 * The built-in arc42 template (https://arc42.org): its twelve sections,
 * recognised under their English titles, common alternatives and German
 * titles.
 * @public
 */
export function arc42TemplateModel(): TemplateModel {
  arc42Model ??= templateFromSections(ARC42_SECTIONS, 'arc42');
  return arc42Model;
}
