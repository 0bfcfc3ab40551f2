import {
  defaultTemplateModel,
  type SectionStatus,
  buildCoverageRow,
  toCoverageEntity,
  type CoverageDocResult,
  type CoverageRow,
} from 'backstage-plugin-architecture-docs-common';

/** Rows for the tests of this folder, built through the real row model. */
export function testRow(
  name: string,
  spec: { owner?: string; system?: string; lifecycle?: string; title?: string },
  result?: CoverageDocResult,
  links: ReadonlyMap<string, boolean> = new Map(),
): CoverageRow {
  return buildCoverageRow(
    toCoverageEntity({
      kind: 'Component',
      metadata: { name, namespace: 'default', title: spec.title },
      spec: {
        owner: spec.owner,
        system: spec.system,
        lifecycle: spec.lifecycle,
      },
    }),
    result,
    defaultTemplateModel(),
    links,
  );
}

/** An analysed result with the first `present` sections present and the rest as given. */
export function analysed(
  score: number,
  statuses: SectionStatus[],
  linkTargets: string[] = [],
): CoverageDocResult {
  const count = defaultTemplateModel().sections.length;
  const sections = Array.from(
    { length: count },
    (_, i) => statuses[i] ?? 'present',
  );
  return {
    status: 'analysed',
    score,
    sections,
    linkTargets,
    docUrl: 'https://docs.example.com/a.md',
  };
}
