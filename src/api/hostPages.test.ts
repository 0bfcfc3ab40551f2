/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import {
  entity,
  GITHUB_DOC,
  PLAIN_DOC,
  setup,
} from './__testUtils__/clientTestSetup';

describe('hostPages', () => {
  describe('getDocLocation', () => {
    it('should offer no create URL on hosts without a prefilled new-file page', () => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({ 'architecture-docs/ref': 'https://bitbucket.org/acme/playout/src/main/docs/A.md' }),
      );
      expect(location.createUrl).toBeUndefined();
    });

    it("should prefill the template the caller gives instead of the client's own", () => {
      const { client } = setup();
      const location = client.getDocLocation(entity({ 'architecture-docs/ref': GITHUB_DOC }), {
        templateMarkdown: '# Org\n\n## Problem statement\n',
      });
      expect(location.createUrl).toBe(
        'https://github.com/acme/playout/new/main/docs/architecture?filename=PlayoutEngine.md&value=%23%20Org%0A%0A%23%23%20Problem%20statement%0A',
      );
    });

    it('should leave the template out of a create URL that would be too long', () => {
      const { client } = setup({ templateMarkdown: 'x'.repeat(10000) });
      const location = client.getDocLocation(entity({ 'architecture-docs/ref': GITHUB_DOC }));
      expect(location.createUrl).toBe(
        'https://github.com/acme/playout/new/main/docs/architecture?filename=PlayoutEngine.md',
      );
    });
  });

  describe('getViewUrl', () => {
    it('should turn a GitHub raw URL into its blob page', () => {
      const { client } = setup();
      expect(client.getViewUrl(GITHUB_DOC.replace('/blob/', '/raw/'))).toBe(GITHUB_DOC);
    });

    it('should return a URL on no integration unchanged', () => {
      const { client } = setup();
      expect(client.getViewUrl(PLAIN_DOC)).toBe(PLAIN_DOC);
    });
  });
});
