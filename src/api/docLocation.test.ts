/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import { ArchitectureDocError } from './ArchitectureDocsApi';
import {
  entity,
  GITHUB_DOC,
  PLAIN_DOC,
  scmIntegrations,
  setup,
} from './__testUtils__/clientTestSetup';
import { locateEntityDoc, resolveDocLinkUrl } from './docLocation';
import { ScmIntegrationLookup } from './scmIntegrationLookup';

describe('docLocation', () => {
  describe('getDocLocation', () => {
    it('should resolve a relative ref against a GitHub catalog-info location', () => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({
          'architecture-docs/ref': './docs/architecture/PlayoutEngine.md',
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/playout/blob/main/catalog-info.yaml',
        }),
      );
      expect(location).toEqual({
        ref: './docs/architecture/PlayoutEngine.md',
        url: GITHUB_DOC,
        editUrl:
          'https://github.com/acme/playout/edit/main/docs/architecture/PlayoutEngine.md',
        createUrl:
          'https://github.com/acme/playout/new/main/docs/architecture?filename=PlayoutEngine.md&value=%23%20Title%0A',
      });
    });

    it('should resolve a relative ref against a GitLab catalog-info location', () => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({
          'architecture-docs/ref': 'docs/architecture/PlayoutEngine.md',
          'backstage.io/managed-by-location':
            'url:https://gitlab.example.com/media/playout/-/blob/main/catalog-info.yaml',
        }),
      );
      expect(location).toEqual({
        ref: 'docs/architecture/PlayoutEngine.md',
        url: 'https://gitlab.example.com/media/playout/-/blob/main/docs/architecture/PlayoutEngine.md',
        editUrl:
          'https://gitlab.example.com/media/playout/-/edit/main/docs/architecture/PlayoutEngine.md',
        createUrl:
          'https://gitlab.example.com/media/playout/-/new/main/docs/architecture?file_name=PlayoutEngine.md&content=%23%20Title%0A',
      });
    });

    it('should resolve a repository-root ref from the repository root', () => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({
          'architecture-docs/ref': '/docs/architecture/PlayoutEngine.md',
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/playout/blob/main/services/engine/catalog-info.yaml',
        }),
      );
      expect(location.url).toBe(GITHUB_DOC);
    });

    it('should fall back to the origin location when the entity has no managed-by-location', () => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({
          'architecture-docs/ref': './docs/architecture/PlayoutEngine.md',
          'backstage.io/managed-by-origin-location':
            'url:https://github.com/acme/playout/blob/main/catalog-info.yaml',
        }),
      );
      expect(location.url).toBe(GITHUB_DOC);
    });

    it('should use an absolute ref as written', () => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({
          'architecture-docs/ref': PLAIN_DOC,
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/playout/blob/main/catalog-info.yaml',
        }),
      );
      expect(location).toEqual({
        ref: PLAIN_DOC,
        url: PLAIN_DOC,
        editUrl: undefined,
        createUrl: undefined,
      });
    });

    it('should throw no-annotation when the entity has no annotation', () => {
      const { client } = setup();
      expect(() => client.getDocLocation(entity({}))).toThrow(
        expect.objectContaining({
          name: 'ArchitectureDocError',
          kind: 'no-annotation',
        }),
      );
    });

    it('should throw invalid-location for a relative ref on a file location', () => {
      const { client } = setup();
      expect(() =>
        client.getDocLocation(
          entity({
            'architecture-docs/ref': './docs/architecture/PlayoutEngine.md',
            'backstage.io/managed-by-location':
              'file:/repos/playout/catalog-info.yaml',
          }),
        ),
      ).toThrow(
        new ArchitectureDocError(
          'invalid-location',
          '"./docs/architecture/PlayoutEngine.md" is relative, but the entity was read from a file location (file:/repos/playout/catalog-info.yaml), which the browser cannot reach. Set "architecture-docs/ref" to the doc\'s absolute URL, for example https://github.com/org/repo/blob/main/docs/architecture/playout-engine.md.',
        ),
      );
    });

    it('should throw invalid-location for a relative ref without any location', () => {
      const { client } = setup();
      expect(() =>
        client.getDocLocation(
          entity({
            'architecture-docs/ref': './docs/architecture/PlayoutEngine.md',
          }),
        ),
      ).toThrow(expect.objectContaining({ kind: 'invalid-location' }));
    });

    it.each(['%E0%A4%A', '%', '%zz'])(
      'should locate a ref whose file name holds malformed %s without a URIError',
      encoded => {
        const { client } = setup();
        const location = client.getDocLocation(
          entity({
            'architecture-docs/ref': `./docs/architecture/${encoded}.md`,
            'backstage.io/managed-by-location':
              'url:https://github.com/acme/playout/blob/main/catalog-info.yaml',
          }),
        );
        expect(location.url).toBe(
          `https://github.com/acme/playout/blob/main/docs/architecture/${encoded}.md`,
        );
        expect(location.createUrl).toBeUndefined();
      },
    );

    it('should throw invalid-location for a ref with a scheme other than http(s)', () => {
      const { client } = setup();
      expect(() =>
        client.getDocLocation(
          entity({ 'architecture-docs/ref': 'ftp://files.example.net/A.md' }),
        ),
      ).toThrow(expect.objectContaining({ kind: 'invalid-location' }));
    });
  });

  describe('resolveLink', () => {
    it('should return an absolute URL unchanged', () => {
      const { client } = setup();
      expect(
        client.resolveLink('https://example.org/spec.md', GITHUB_DOC),
      ).toBe('https://example.org/spec.md');
    });

    it('should resolve a relative link against a GitHub doc', () => {
      const { client } = setup();
      expect(client.resolveLink('../contracts/Playout.md', GITHUB_DOC)).toBe(
        'https://github.com/acme/playout/tree/main/docs/contracts/Playout.md',
      );
    });

    it('should resolve a root-relative link from the repository root', () => {
      const { client } = setup();
      expect(
        client.resolveLink(
          '/docs/contracts/Playout.md',
          'https://gitlab.example.com/media/playout/-/blob/main/docs/architecture/A.md',
        ),
      ).toBe(
        'https://gitlab.example.com/media/playout/-/blob/main/docs/contracts/Playout.md',
      );
    });

    it('should resolve a root-relative link from the host root on a plain web host', () => {
      const { client } = setup();
      expect(
        client.resolveLink('/tests', 'https://docs.example.net/a/b/Doc.md'),
      ).toBe('https://docs.example.net/tests');
    });

    it('should resolve an anchor against the doc itself', () => {
      const { client } = setup();
      expect(client.resolveLink('#purpose', GITHUB_DOC)).toBe(
        `${GITHUB_DOC}#purpose`,
      );
    });
  });

  describe('locateEntityDoc', () => {
    const context = {
      annotation: 'architecture-docs/ref',
      templateMarkdown: '# T\n',
      integrations: new ScmIntegrationLookup(scmIntegrations),
    };

    it('should reject a relative ref beside a location reference that does not parse', () => {
      expect(() =>
        locateEntityDoc(
          entity({
            'architecture-docs/ref': './A.md',
            'backstage.io/managed-by-location': 'no-colon',
          }),
          context,
        ),
      ).toThrow(
        expect.objectContaining({
          kind: 'invalid-location',
          message:
            'The entity\'s location "no-colon" is not a valid location reference. Set "architecture-docs/ref" to the doc\'s absolute URL, for example https://github.com/org/repo/blob/main/docs/architecture/playout-engine.md.',
        }),
      );
    });

    it('should reject a relative ref that resolves to a URL the browser cannot fetch', () => {
      expect(() =>
        locateEntityDoc(
          entity({
            'architecture-docs/ref': './A.md',
            'backstage.io/managed-by-location':
              'url:ftp://files.example.net/repo/catalog-info.yaml',
          }),
          context,
        ),
      ).toThrow(
        expect.objectContaining({
          kind: 'invalid-location',
          message: expect.stringContaining('which is not an http(s) URL'),
        }),
      );
    });
  });

  describe('resolveDocLinkUrl', () => {
    it('should reject a link that cannot be resolved against its base as invalid-location', () => {
      const integrations = new ScmIntegrationLookup(scmIntegrations);
      expect(() =>
        resolveDocLinkUrl('a.md', 'not a url', integrations),
      ).toThrow(
        expect.objectContaining({
          kind: 'invalid-location',
          message: 'The link "a.md" cannot be resolved against not a url.',
          url: 'not a url',
        }),
      );
    });
  });
});
