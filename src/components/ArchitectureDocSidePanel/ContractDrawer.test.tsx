import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  ArchitectureDocError,
  architectureDocsApiRef,
  type ArchitectureDocsApi,
} from '../../api';
import type { ArchitectureMarkdownProps } from '../ArchitectureMarkdown/types';
import { ContractDrawer, type ContractDrawerTarget } from './ContractDrawer';
import { mockArchitectureDocsApi } from '../../testing/mockArchitectureDocsApi';

/** The renderer stand-in: its props as data attributes, and every link through `renderLink`. */
jest.mock('../ArchitectureMarkdown', () => {
  const { createElement } = jest.requireActual<typeof import('react')>('react');
  return {
    ArchitectureMarkdown: (props: ArchitectureMarkdownProps) => {
      // A contract titled so stands for a defect in the renderer.
      if (props.report.title === 'Renderer defect')
        throw new Error('render failed');
      return createElement(
        'div',
        {
          'data-testid': 'architecture-markdown',
          'data-title': props.report.title,
          'data-id-prefix': props.idPrefix,
          'data-show-completeness': String(props.showCompleteness),
        },
        props.report.links.map((link, index) =>
          createElement(
            'span',
            { key: index },
            props.renderLink({
              link,
              index,
              href: link.target,
              children: link.text,
            }),
          ),
        ),
      );
    },
  };
});

const CONTRACT: ContractDrawerTarget = {
  url: 'https://docs.example.com/checkout/docs/contracts/Orders.md',
  title: 'Orders contract',
  viewUrl: 'https://docs.example.com/checkout/docs/contracts/Orders.md?view',
};

function drawer(
  api: jest.Mocked<ArchitectureDocsApi>,
  contract: ContractDrawerTarget | undefined,
  onClose = jest.fn(),
) {
  return (
    <TestApiProvider apis={[[architectureDocsApiRef, api]]}>
      <ContractDrawer contract={contract} onClose={onClose} />
    </TestApiProvider>
  );
}

function resolveWith(api: jest.Mocked<ArchitectureDocsApi>, content: string) {
  api.getDoc.mockResolvedValue({ url: CONTRACT.url, content });
}

describe('ContractDrawer', () => {
  it('should render nothing and fetch nothing while closed', async () => {
    const api = mockArchitectureDocsApi();
    await renderInTestApp(drawer(api, undefined));
    expect(screen.queryByTestId('contract-drawer')).not.toBeInTheDocument();
    expect(api.getDoc).not.toHaveBeenCalled();
  });

  it('should fetch the contract by its URL and render it without completeness marks', async () => {
    const api = mockArchitectureDocsApi();
    resolveWith(api, '# Orders\n\nOrders are accepted once.\n');
    await renderInTestApp(drawer(api, CONTRACT));
    const rendered = await screen.findByTestId('architecture-markdown');
    expect(api.getDoc).toHaveBeenCalledWith(CONTRACT.url, {
      signal: expect.any(AbortSignal),
    });
    expect(rendered).toHaveAttribute('data-title', 'Orders');
    expect(rendered).toHaveAttribute('data-id-prefix', 'contract-');
    expect(rendered).toHaveAttribute('data-show-completeness', 'false');
  });

  it('should title the drawer with the link text and link to the contract on its host', async () => {
    const api = mockArchitectureDocsApi();
    resolveWith(api, '# Orders\n');
    await renderInTestApp(drawer(api, CONTRACT));
    const panel = screen.getByTestId('contract-drawer');
    expect(
      within(panel).getByRole('heading', { name: 'Orders contract' }),
    ).toBeInTheDocument();
    expect(
      within(panel).getByRole('link', { name: 'Open on host' }),
    ).toHaveAttribute('href', CONTRACT.viewUrl);
  });

  it('should show a progress bar while the contract loads', async () => {
    const api = mockArchitectureDocsApi();
    api.getDoc.mockReturnValue(new Promise(() => {}));
    await renderInTestApp(drawer(api, CONTRACT));
    expect(
      within(screen.getByTestId('contract-drawer')).getByTestId('progress'),
    ).toBeInTheDocument();
  });

  it('should say the contract was not found when the host answers 404', async () => {
    const api = mockArchitectureDocsApi();
    api.getDoc.mockRejectedValue(
      new ArchitectureDocError('not-found', 'Not found', {
        url: CONTRACT.url,
        status: 404,
      }),
    );
    await renderInTestApp(drawer(api, CONTRACT));
    const error = await screen.findByTestId('contract-drawer-error');
    expect(error).toHaveAttribute('data-kind', 'not-found');
    expect(error).toHaveTextContent(
      `Contract not foundNothing was found at ${CONTRACT.url}. The link in the doc may be out of date.`,
    );
  });

  it('should offer to sign in to the host when the host needs credentials', async () => {
    const api = mockArchitectureDocsApi();
    api.getDoc.mockRejectedValue(
      new ArchitectureDocError('sign-in-needed', 'Unauthorized', {
        host: 'docs.example.com',
      }),
    );
    api.signIn.mockResolvedValue();
    await renderInTestApp(drawer(api, CONTRACT));
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Sign in to docs.example.com',
      }),
    );
    expect(api.signIn).toHaveBeenCalledWith(CONTRACT.url);
    // Signing in fetches the contract again.
    await waitFor(() => expect(api.getDoc).toHaveBeenCalledTimes(2));
    expect(await screen.findByTestId('contract-drawer-error')).toHaveAttribute(
      'data-kind',
      'sign-in-needed',
    );
  });

  it('should fetch again when the reader retries after a failure', async () => {
    const api = mockArchitectureDocsApi();
    api.getDoc.mockRejectedValueOnce(
      new ArchitectureDocError('failed', 'Bad gateway', { status: 502 }),
    );
    resolveWith(api, '# Orders\n');
    await renderInTestApp(drawer(api, CONTRACT));
    fireEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('architecture-markdown')).toHaveAttribute(
      'data-title',
      'Orders',
    );
    expect(api.getDoc).toHaveBeenCalledTimes(2);
  });

  it("should open the contract's links in a new tab at the URL resolved against the contract", async () => {
    const api = mockArchitectureDocsApi();
    resolveWith(api, '# Orders\n\nSee [the schema](../schemas/order.json).\n');
    await renderInTestApp(drawer(api, CONTRACT));
    const link = await screen.findByRole('link', { name: 'the schema' });
    expect(api.resolveLink).toHaveBeenCalledWith(
      '../schemas/order.json',
      CONTRACT.url,
    );
    expect(link).toHaveAttribute(
      'href',
      'https://docs.example.com/checkout/docs/schemas/order.json',
    );
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('should scroll to an anchor inside the drawer without touching the page address', async () => {
    const api = mockArchitectureDocsApi();
    resolveWith(api, '# Orders\n\nSee [rules](#rules).\n');
    const heading = document.createElement('h2');
    heading.id = 'contract-rules';
    heading.scrollIntoView = jest.fn();
    document.body.appendChild(heading);
    await renderInTestApp(drawer(api, CONTRACT));
    fireEvent.click(await screen.findByRole('link', { name: 'rules' }));
    expect(heading.scrollIntoView).toHaveBeenCalledWith({
      behavior: 'smooth',
      block: 'start',
    });
    expect(window.location.hash).toBe('');
    heading.remove();
  });

  it.each(['%E0%A4%A', '%', '%zz'])(
    'should render an anchor with malformed encoding %s without throwing',
    async fragment => {
      const api = mockArchitectureDocsApi();
      resolveWith(api, `# Orders\n\nSee [rules](#${fragment}).\n`);
      await renderInTestApp(drawer(api, CONTRACT));
      const link = await screen.findByRole('link', { name: 'rules' });
      expect(link).toHaveAttribute(
        'href',
        `#${encodeURIComponent(`contract-${fragment}`)}`,
      );
      fireEvent.click(link);
      expect(window.location.hash).toBe('');
    },
  );

  it('should not turn a javascript: link into an anchor', async () => {
    const api = mockArchitectureDocsApi();
    resolveWith(api, '# Orders\n\nClick [here](javascript:alert(1)).\n');
    await renderInTestApp(drawer(api, CONTRACT));
    const rendered = await screen.findByTestId('architecture-markdown');
    expect(within(rendered).getByText('here').tagName).toBe('SPAN');
    expect(within(rendered).queryByRole('link')).not.toBeInTheDocument();
  });

  it('should abort the fetch when the drawer closes', async () => {
    const api = mockArchitectureDocsApi();
    api.getDoc.mockReturnValue(new Promise(() => {}));
    const { rerender } = await renderInTestApp(drawer(api, CONTRACT));
    const signal = api.getDoc.mock.calls[0][1]?.signal;
    expect(signal?.aborted).toBe(false);
    rerender(drawer(api, undefined));
    await waitFor(() => expect(signal?.aborted).toBe(true));
  });

  it('should explain a failure of the contract view and keep the drawer closable', async () => {
    const consoleError = jest
      .spyOn(console, 'error')
      .mockImplementation(() => {});
    const api = mockArchitectureDocsApi();
    resolveWith(api, '# Renderer defect\n');
    const onClose = jest.fn();
    await renderInTestApp(drawer(api, CONTRACT, onClose));
    expect(
      await screen.findByTestId('architecture-docs-view-failed'),
    ).toHaveAttribute('data-view', 'drawer');
    expect(
      screen.getByText(/The contract could not be shown/),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it('should call onClose from the close button', async () => {
    const api = mockArchitectureDocsApi();
    resolveWith(api, '# Orders\n');
    const onClose = jest.fn();
    await renderInTestApp(drawer(api, CONTRACT, onClose));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
