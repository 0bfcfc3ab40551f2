/**
 * @jest-environment-options {"url": "https://portal.example.com/catalog/default/component/orders/architecture"}
 */
// The page is served over https here, so a doc's http images would be mixed content.
import { render, screen } from '@testing-library/react';
import { ThemeProvider } from '@material-ui/core/styles';
import { lightTheme } from '@backstage/theme';
import { errorApiRef } from '@backstage/core-plugin-api';
import { translationApiRef } from '@backstage/core-plugin-api/alpha';
import { MockErrorApi, mockApis, TestApiProvider } from '@backstage/test-utils';
import {
  analyzeParsedDoc,
  parseArchitectureDoc,
} from 'backstage-plugin-architecture-docs-common';
import { ArchitectureMarkdown } from './ArchitectureMarkdown';

jest.mock('../MermaidDiagram', () => ({ MermaidDiagram: () => null }));

describe('ArchitectureMarkdown on an https page', () => {
  it('should load an http image over https', () => {
    expect(window.location.protocol).toBe('https:');
    const parsed = parseArchitectureDoc(
      '# Orders\n\n![Diagram](http://img.example.com/a.png) and ![Secure](https://img.example.com/b.png)\n',
    );
    render(
      <TestApiProvider
        apis={[
          [translationApiRef, mockApis.translation()],
          [errorApiRef, new MockErrorApi()],
        ]}
      >
        <ThemeProvider theme={lightTheme}>
          <ArchitectureMarkdown
            parsed={parsed}
            report={analyzeParsedDoc(parsed)}
            renderLink={props => <a href={props.href}>{props.children}</a>}
          />
        </ThemeProvider>
      </TestApiProvider>,
    );
    expect(screen.getByRole('img', { name: 'Diagram' })).toHaveAttribute(
      'src',
      'https://img.example.com/a.png',
    );
    expect(screen.getByRole('img', { name: 'Secure' })).toHaveAttribute(
      'src',
      'https://img.example.com/b.png',
    );
  });
});
