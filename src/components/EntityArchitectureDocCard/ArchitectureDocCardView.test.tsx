import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { ArchitectureDocError } from '../../api';
import {
  analyzeArchitectureDoc,
  type ArchitectureDocReport,
} from 'backstage-plugin-architecture-docs-common';
import { ArchitectureDocCardView } from './ArchitectureDocCardView';

const TAB_PATH = '/catalog/default/component/checkout/architecture';

const MARKDOWN = `# Checkout

## Purpose

Checkout takes orders from the web shop, reserves stock and asks Payments to charge the customer before it confirms the order.

## Context

TBD

## Responsibilities

| Responsibility | Details | Contracts/tests |
| --- | --- | --- |
| Take orders | Validates carts | [Orders](../contracts/Orders.md), [Charge](../contracts/Charge.md) |

Terms follow [the glossary](../domain/Glossary.md).

## Testing strategy

TODO
`;

/** The report as the page hands it over once link targets were checked. */
function checkedReport(missingTargets: string[] = []): ArchitectureDocReport {
  const report = analyzeArchitectureDoc(MARKDOWN, {
    path: 'checkout/docs/architecture/Checkout.md',
  });
  return {
    ...report,
    links: report.links.map(link =>
      missingTargets.includes(link.target) ? { ...link, exists: false } : link,
    ),
  };
}

function texts(elements: HTMLElement[]): Array<string | null> {
  return elements.map(element => element.textContent);
}

describe('ArchitectureDocCardView', () => {
  it('should show the score with how many sections are present', async () => {
    await renderInTestApp(
      <ArchitectureDocCardView report={checkedReport()} tabPath={TAB_PATH} />,
    );
    const score = screen.getByTestId('completeness-score');
    expect(score).toHaveAttribute('data-score', '17');
    expect(score).toHaveTextContent('17%');
    expect(
      within(score).getByText('2 of 12 sections present'),
    ).toBeInTheDocument();
  });

  it('should name the missing sections in template order', async () => {
    await renderInTestApp(
      <ArchitectureDocCardView report={checkedReport()} tabPath={TAB_PATH} />,
    );
    const missing = screen.getByTestId('card-missing-sections');
    expect(within(missing).getByText('Missing:')).toBeInTheDocument();
    expect(
      texts(
        Array.from(missing.querySelectorAll<HTMLElement>('[data-section-id]')),
      ),
    ).toEqual([
      'Design drivers',
      'Data and interfaces',
      'Operational flow',
      'Failure and fallback behavior',
      'Deployment and scaling',
      'Security and compliance',
      'Open questions',
      'See also',
    ]);
  });

  it('should name the placeholder sections', async () => {
    await renderInTestApp(
      <ArchitectureDocCardView report={checkedReport()} tabPath={TAB_PATH} />,
    );
    const placeholders = screen.getByTestId('card-placeholder-sections');
    expect(
      texts(
        Array.from(
          placeholders.querySelectorAll<HTMLElement>('[data-section-id]'),
        ),
      ),
    ).toEqual(['Context', 'Testing strategy']);
  });

  it('should count the links whose targets were not found', async () => {
    await renderInTestApp(
      <ArchitectureDocCardView
        report={checkedReport([
          '../contracts/Charge.md',
          '../domain/Glossary.md',
        ])}
        tabPath={TAB_PATH}
      />,
    );
    expect(screen.getByTestId('card-broken-links')).toHaveTextContent(
      '2 broken links',
    );
  });

  it('should say there are no broken links when none was found missing', async () => {
    await renderInTestApp(
      <ArchitectureDocCardView report={checkedReport()} tabPath={TAB_PATH} />,
    );
    expect(screen.getByTestId('card-broken-links')).toHaveTextContent(
      'No broken links',
    );
  });

  it('should link to the architecture tab', async () => {
    await renderInTestApp(
      <ArchitectureDocCardView report={checkedReport()} tabPath={TAB_PATH} />,
    );
    expect(
      screen.getByRole('link', { name: /Open architecture/ }),
    ).toHaveAttribute('href', TAB_PATH);
  });

  it('should show a progress bar while loading', async () => {
    await renderInTestApp(
      <ArchitectureDocCardView tabPath={TAB_PATH} loading />,
    );
    const card = screen.getByTestId('architecture-doc-card');
    expect(card).toHaveAttribute('data-state', 'loading');
    expect(within(card).getByTestId('progress')).toBeInTheDocument();
  });

  it('should explain a fetch failure in one line', async () => {
    await renderInTestApp(
      <ArchitectureDocCardView
        tabPath={TAB_PATH}
        error={new ArchitectureDocError('not-found', 'Not found')}
      />,
    );
    expect(screen.getByTestId('architecture-doc-card')).toHaveAttribute(
      'data-state',
      'error',
    );
    expect(
      screen.getByText('The architecture doc does not exist yet.'),
    ).toBeInTheDocument();
  });

  it('should say so when there is no report', async () => {
    await renderInTestApp(<ArchitectureDocCardView tabPath={TAB_PATH} />);
    expect(screen.getByTestId('architecture-doc-card')).toHaveAttribute(
      'data-state',
      'empty',
    );
    expect(
      screen.getByText('No architecture doc to show.'),
    ).toBeInTheDocument();
  });
});
