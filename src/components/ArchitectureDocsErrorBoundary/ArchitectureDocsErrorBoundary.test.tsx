import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { configApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ArchitectureDocsErrorBoundary } from './ArchitectureDocsErrorBoundary';

let failing = true;

function Fragile() {
  const [text] = useState('rendered');
  if (failing) throw new URIError('URI malformed');
  return <p>{text}</p>;
}

function renderGuarded(support?: { url: string }) {
  const config = mockApis.config({
    data: support ? { app: { support: { url: support.url, items: [] } } } : {},
  });
  return renderInTestApp(
    <TestApiProvider apis={[[configApiRef, config]]}>
      <p>rest of the page</p>
      <ArchitectureDocsErrorBoundary view="tab">
        <Fragile />
      </ArchitectureDocsErrorBoundary>
    </TestApiProvider>,
  );
}

describe('ArchitectureDocsErrorBoundary', () => {
  let consoleError: jest.SpyInstance;

  beforeEach(() => {
    failing = true;
    // React reports the caught error on the console; the test expects it.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => {});
  });

  afterEach(() => consoleError.mockRestore());

  it('should render what failed and the error instead of a child that throws', async () => {
    await renderGuarded();
    const failed = screen.getByTestId('architecture-docs-view-failed');
    expect(failed).toHaveAttribute('data-view', 'tab');
    expect(
      screen.getByText(/The architecture doc could not be shown/),
    ).toBeInTheDocument();
    expect(failed).toHaveTextContent('URI malformed');
    expect(screen.getByText('rest of the page')).toBeInTheDocument();
  });

  it("should link to the app's support page to report the problem", async () => {
    await renderGuarded({ url: 'https://support.example.com/new' });
    expect(
      screen.getByRole('link', { name: 'Report the problem' }),
    ).toHaveAttribute('href', 'https://support.example.com/new');
  });

  it('should render the child again when the reader tries again', async () => {
    await renderGuarded();
    failing = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('rendered')).toBeInTheDocument();
    expect(
      screen.queryByTestId('architecture-docs-view-failed'),
    ).not.toBeInTheDocument();
  });

  it('should render its children while they do not throw', async () => {
    failing = false;
    await renderGuarded();
    expect(screen.getByText('rendered')).toBeInTheDocument();
    expect(
      screen.queryByTestId('architecture-docs-view-failed'),
    ).not.toBeInTheDocument();
  });
});
