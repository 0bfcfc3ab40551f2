/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import { mockApis } from '@backstage/test-utils';
import { HttpResponse } from 'msw';
import { ArchitectureDocsClient } from './ArchitectureDocsClient';
import {
  credentials,
  DOC_TEXT,
  entity,
  failure,
  GITHUB_DOC,
  PLAIN_DOC,
  scmIntegrations,
  serve,
  setup,
  text,
} from './__testUtils__/clientTestSetup';

describe('ArchitectureDocsClient', () => {
  describe('getDocLocation', () => {
    it('should read the configured annotation', () => {
      const { client } = setup({
        config: { annotation: 'example.com/architecture' },
      });
      const location = client.getDocLocation(
        entity({ 'example.com/architecture': PLAIN_DOC }),
      );
      expect(location.url).toBe(PLAIN_DOC);
    });
  });

  describe('getEntityDoc', () => {
    it('should fetch the doc the entity points at', async () => {
      const { client } = setup();
      serve('https://raw.githubusercontent.com', () =>
        text(DOC_TEXT, { ETag: '"abc"' }),
      );
      const file = await client.getEntityDoc(
        entity({
          'architecture-docs/ref': './docs/architecture/PlayoutEngine.md',
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/playout/blob/main/catalog-info.yaml',
        }),
      );
      expect(file).toEqual({
        url: GITHUB_DOC,
        content: DOC_TEXT,
        editUrl:
          'https://github.com/acme/playout/edit/main/docs/architecture/PlayoutEngine.md',
        etag: '"abc"',
      });
    });

    it('should reject with no-annotation for an entity without the annotation', async () => {
      const { client } = setup();
      const error = await failure(client.getEntityDoc(entity({})));
      expect(error).toMatchObject({ kind: 'no-annotation' });
    });
  });

  describe('signIn', () => {
    it('should open the provider login for the URL', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('gh-token'));
      await client.signIn(GITHUB_DOC);
      expect(scmAuthApi.getCredentials).toHaveBeenCalledWith({
        url: GITHUB_DOC,
        instantPopup: true,
      });
    });

    it('should fetch again with the new credentials after signing in', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue({ token: '', headers: {} });
      serve(
        'https://raw.githubusercontent.com',
        () => new HttpResponse(null, { status: 404 }),
      );
      const seen = serve('https://api.github.com', () => text(DOC_TEXT));
      await failure(client.getDoc(GITHUB_DOC));
      scmAuthApi.getCredentials.mockResolvedValue(credentials('gh-token'));
      await client.signIn(GITHUB_DOC);
      const file = await client.getDoc(GITHUB_DOC);
      expect(file.content).toBe(DOC_TEXT);
      expect(seen.map(s => s.authorization)).toEqual(['Bearer gh-token']);
    });

    it('should report a failed sign-in as failed with the host', async () => {
      const { client } = setup();
      const error = await failure(client.signIn(PLAIN_DOC));
      expect(error).toMatchObject({ kind: 'failed', host: 'docs.example.net' });
    });
  });

  describe('fromConfig', () => {
    it('should read the annotation from the app configuration', () => {
      const { scmAuthApi, discoveryApi, fetchApi } = setup();
      const client = ArchitectureDocsClient.fromConfig(
        mockApis.config({
          data: {
            architectureDocs: { annotation: 'example.com/architecture' },
          },
        }),
        { scmIntegrations, scmAuthApi, discoveryApi, fetchApi },
      );
      expect(
        client.getDocLocation(entity({ 'example.com/architecture': PLAIN_DOC }))
          .url,
      ).toBe(PLAIN_DOC);
    });
  });
});
