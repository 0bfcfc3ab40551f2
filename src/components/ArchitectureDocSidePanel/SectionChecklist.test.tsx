import { fireEvent, screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { analyzeArchitectureDoc } from 'backstage-plugin-architecture-docs-common';
import { SectionChecklist } from './SectionChecklist';

describe('SectionChecklist', () => {
  it('should tell on hover why a section was found, in the words of the match', async () => {
    const report = analyzeArchitectureDoc(
      '# Cart\n\n## Scaling and deployment\n\nTwo replicas behind the load balancer.\n\n## Context\n\nTODO\n',
    );
    await renderInTestApp(
      <SectionChecklist sections={report.sections} onSelect={() => {}} />,
    );
    const item = document.querySelector(
      '[data-section-id="deployment-and-scaling"]',
    )!;
    fireEvent.mouseOver(item);
    expect(
      await screen.findByText(
        'Matched "Scaling and deployment" to Deployment and scaling: same words in another order.',
      ),
    ).toBeInTheDocument();
  });

  it('should say on hover what makes a section a placeholder', async () => {
    const report = analyzeArchitectureDoc(
      '# Cart\n\n## Context\n\nTODO: describe the neighbours\n',
    );
    await renderInTestApp(
      <SectionChecklist sections={report.sections} onSelect={() => {}} />,
    );
    fireEvent.mouseOver(document.querySelector('[data-section-id="context"]')!);
    expect(
      await screen.findByText(
        /Its body only holds a marker of unfinished work: "TODO: describe the neighbours"/,
      ),
    ).toBeInTheDocument();
  });
});
