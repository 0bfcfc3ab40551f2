/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import { HttpResponse } from 'msw';
import {
  DOC_TEXT,
  PLAIN_DOC,
  scmIntegrations,
  serve,
  setup,
  text,
} from '../__testUtils__/clientTestSetup';
import { fileSourceForIntegration } from './fileSourceForIntegration';

describe('fileSourceForIntegration', () => {
  describe('fetch URLs per host', () => {
    it('should read a Bitbucket Cloud doc from the src API', async () => {
      const { client } = setup();
      const seen = serve('https://api.bitbucket.org', () => text(DOC_TEXT));
      await client.getDoc(
        'https://bitbucket.org/acme/playout/src/main/docs/architecture/A.md',
      );
      expect(seen.map(s => s.url)).toEqual([
        'https://api.bitbucket.org/2.0/repositories/acme/playout/src/main/docs/architecture/A.md',
      ]);
    });

    it('should read a Bitbucket Server doc from the raw API', async () => {
      const { client } = setup();
      const seen = serve('https://bitbucket.example.com', () => text(DOC_TEXT));
      await client.getDoc(
        'https://bitbucket.example.com/projects/MEDIA/repos/playout/browse/docs/architecture/A.md?at=refs%2Fheads%2Fmain',
      );
      expect(seen.map(s => s.url)).toEqual([
        'https://bitbucket.example.com/rest/api/1.0/projects/MEDIA/repos/playout/raw/docs/architecture/A.md?at=refs%2Fheads%2Fmain',
      ]);
    });

    it('should read an Azure DevOps doc from the items API as octet stream', async () => {
      const { client } = setup();
      const seen = serve(
        'https://dev.azure.com',
        () =>
          new HttpResponse(DOC_TEXT, {
            headers: { 'Content-Type': 'application/octet-stream' },
          }),
      );
      const file = await client.getDoc(
        'https://dev.azure.com/acme/media/_git/playout?path=%2Fdocs%2Farchitecture%2FA.md&version=GBmain',
      );
      expect(seen).toEqual([
        {
          url: 'https://dev.azure.com/acme/media/_apis/git/repositories/playout/items?api-version=6.0&path=%2Fdocs%2Farchitecture%2FA.md&versionDescriptor.version=main&versionDescriptor.versionType=branch',
          authorization: null,
          accept: 'application/octet-stream, text/plain',
          ifNoneMatch: null,
        },
      ]);
      expect(file.content).toBe(DOC_TEXT);
    });

    it('should read a URL on no integration as is', async () => {
      const { client } = setup();
      const seen = serve('https://docs.example.net', () => text(DOC_TEXT));
      await client.getDoc(PLAIN_DOC);
      expect(seen.map(s => s.url)).toEqual([PLAIN_DOC]);
    });
  });

  describe('per integration type', () => {
    it('should have no source for a URL on no supported integration', () => {
      expect(
        fileSourceForIntegration(PLAIN_DOC, undefined, scmIntegrations),
      ).toBeUndefined();
      expect(
        fileSourceForIntegration(
          'https://storage.example.net/a.md',
          'awsS3',
          scmIntegrations,
        ),
      ).toBeUndefined();
    });

    it('should have no source when the integration of the type does not serve the URL', () => {
      expect(
        fileSourceForIntegration(PLAIN_DOC, 'gitea', scmIntegrations),
      ).toBeUndefined();
    });

    it("should report a URL the integration's builder rejects as invalid-location", () => {
      expect(() =>
        fileSourceForIntegration(
          'https://dev.azure.com/acme/media/playout',
          'azure',
          scmIntegrations,
        ),
      ).toThrow(
        expect.objectContaining({
          name: 'ArchitectureDocError',
          kind: 'invalid-location',
          url: 'https://dev.azure.com/acme/media/playout',
        }),
      );
    });

    it('should offer credentials to a Bitbucket Server host and its API host only', () => {
      const source = fileSourceForIntegration(
        'https://bitbucket.example.com/projects/MEDIA/repos/playout/browse/A.md',
        'bitbucketServer',
        scmIntegrations,
      );
      expect(source && [...source.credentialHosts]).toEqual([
        'bitbucket.example.com',
      ]);
    });
  });
});
