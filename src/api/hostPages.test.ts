/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import {
  entity,
  GITHUB_DOC,
  PLAIN_DOC,
  scmIntegrations,
  setup,
} from './__testUtils__/clientTestSetup';
import {
  canonicalDocUrl,
  editPageUrl,
  newFilePageUrl,
  viewPageUrl,
} from './hostPages';
import { ScmIntegrationLookup } from './scmIntegrationLookup';

describe('hostPages', () => {
  describe('getDocLocation', () => {
    it('should offer no create URL on hosts without a prefilled new-file page', () => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({
          'architecture-docs/ref':
            'https://bitbucket.org/acme/playout/src/main/docs/A.md',
        }),
      );
      expect(location.createUrl).toBeUndefined();
    });

    it("should prefill the template the caller gives instead of the client's own", () => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({ 'architecture-docs/ref': GITHUB_DOC }),
        {
          templateMarkdown: '# Org\n\n## Problem statement\n',
        },
      );
      expect(location.createUrl).toBe(
        'https://github.com/acme/playout/new/main/docs/architecture?filename=PlayoutEngine.md&value=%23%20Org%0A%0A%23%23%20Problem%20statement%0A',
      );
    });

    it('should leave the template out of a create URL that would be too long', () => {
      const { client } = setup({ templateMarkdown: 'x'.repeat(10000) });
      const location = client.getDocLocation(
        entity({ 'architecture-docs/ref': GITHUB_DOC }),
      );
      expect(location.createUrl).toBe(
        'https://github.com/acme/playout/new/main/docs/architecture?filename=PlayoutEngine.md',
      );
    });
  });

  describe('getViewUrl', () => {
    it('should turn a GitHub raw URL into its blob page', () => {
      const { client } = setup();
      expect(client.getViewUrl(GITHUB_DOC.replace('/blob/', '/raw/'))).toBe(
        GITHUB_DOC,
      );
    });

    it('should return a URL on no integration unchanged', () => {
      const { client } = setup();
      expect(client.getViewUrl(PLAIN_DOC)).toBe(PLAIN_DOC);
    });
  });

  describe('page URLs from the integrations', () => {
    const integrations = new ScmIntegrationLookup(scmIntegrations);
    const GITLAB_DOC =
      'https://gitlab.example.com/media/playout/-/blob/main/docs/architecture/A.md';

    it('should make a GitHub tree URL canonical as its blob page, keeping query and fragment', () => {
      expect(
        canonicalDocUrl(
          `${GITHUB_DOC.replace('/blob/', '/tree/')}?plain=1#purpose`,
          integrations,
        ),
      ).toBe(`${GITHUB_DOC}?plain=1#purpose`);
    });

    it('should keep a URL on no integration as the canonical URL', () => {
      expect(canonicalDocUrl(PLAIN_DOC, integrations)).toBe(PLAIN_DOC);
    });

    it('should give the edit page of a GitLab file and none on no integration', () => {
      expect(editPageUrl(GITLAB_DOC, integrations)).toBe(
        'https://gitlab.example.com/media/playout/-/edit/main/docs/architecture/A.md',
      );
      expect(editPageUrl(PLAIN_DOC, integrations)).toBeUndefined();
    });

    it('should turn a GitLab raw URL into its blob page', () => {
      expect(
        viewPageUrl(GITLAB_DOC.replace('/-/blob/', '/-/raw/'), integrations),
      ).toBe(GITLAB_DOC);
    });

    it('should keep a GitHub tree URL as the page to view, since it may name a folder', () => {
      const tree = 'https://github.com/acme/playout/tree/main/docs';
      expect(viewPageUrl(tree, integrations)).toBe(tree);
    });

    it('should decode the file name of a GitHub new-file page', () => {
      expect(
        newFilePageUrl(
          'https://github.com/acme/playout/blob/main/docs/A%20B.md',
          '',
          integrations,
        ),
      ).toBe(
        'https://github.com/acme/playout/new/main/docs?filename=A%20B.md&value=',
      );
    });

    it('should offer no new-file page for a GitHub URL that names no file', () => {
      expect(
        newFilePageUrl('https://github.com/acme/playout', '# T', integrations),
      ).toBeUndefined();
    });
  });
});
