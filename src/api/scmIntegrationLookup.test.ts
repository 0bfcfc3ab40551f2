/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import { defaultScmResolveUrl, ScmIntegrations } from '@backstage/integration';
import { mockApis } from '@backstage/test-utils';
import {
  GITHUB_DOC,
  scmIntegrations,
  setup,
} from './__testUtils__/clientTestSetup';
import { ScmIntegrationLookup } from './scmIntegrationLookup';

describe('scmIntegrationLookup', () => {
  describe('resolveLink', () => {
    it('should look up the integration once per host and still tell hosts, schemes and ports apart', () => {
      const registry = ScmIntegrations.fromConfig(
        mockApis.config({
          data: {
            integrations: {
              github: [{ host: 'github.com' }, { host: 'ghe.example.com' }],
            },
          },
        }),
      );
      const byUrl = jest.spyOn(registry, 'byUrl');
      const { client } = setup({ scmIntegrations: registry });
      for (let i = 0; i < 50; i++) {
        expect(
          client.resolveLink(
            '../contracts/Playout.md',
            GITHUB_DOC.replace('PlayoutEngine', `Engine${i}`),
          ),
        ).toBe(
          'https://github.com/acme/playout/tree/main/docs/contracts/Playout.md',
        );
      }
      expect(byUrl).toHaveBeenCalledTimes(1);
      // The same authority means another host under another scheme: port
      // 443 is https's own, so only the https URL is on the integration.
      expect(
        client.resolveLink(
          '/b.md',
          'https://ghe.example.com:443/o/r/blob/main/a.md',
        ),
      ).toBe('https://ghe.example.com/o/r/tree/main/b.md');
      expect(
        client.resolveLink(
          '/b.md',
          'http://ghe.example.com:443/o/r/blob/main/a.md',
        ),
      ).not.toContain('/tree/');
      expect(
        client.resolveLink('./b.md', 'https://docs.example.net/a/c.md'),
      ).toBe('https://docs.example.net/a/b.md');
    });

    it('should remember the integrations of a bounded number of hosts', () => {
      const registry = ScmIntegrations.fromConfig(
        mockApis.config({ data: {} }),
      );
      const byUrl = jest.spyOn(registry, 'byUrl');
      const { client } = setup({ scmIntegrations: registry });
      client.resolveLink('./b.md', 'https://h0.example.net/a.md');
      client.resolveLink('./b.md', 'https://h0.example.net/a.md');
      expect(byUrl).toHaveBeenCalledTimes(1);
      for (let i = 1; i <= 256; i++)
        client.resolveLink('./b.md', `https://h${i}.example.net/a.md`);
      byUrl.mockClear();
      // The first host was the least recently used of 257; it is looked up again.
      client.resolveLink('./b.md', 'https://h0.example.net/a.md');
      expect(byUrl).toHaveBeenCalledTimes(1);
    });
  });

  describe('resolveLink on a host without an integration', () => {
    // The client resolves plain relative paths itself, without the throwing
    // absolute-URL attempt of defaultScmResolveUrl; the result must not change.
    // Root-relative paths are the exception: Backstage puts them below the
    // doc's own path on such a host, the client at the host's root.
    const bases = [
      'https://docs.example.net/org/repo/docs/architecture/A.md',
      'https://docs.example.net/a/b/c.md?ref=main&x=1',
      'http://localhost:7008/generated/full/3/svc/docs/architecture/Architecture.md#purpose',
      'https://docs.example.net/',
    ];
    const targets = [
      './B.md',
      '../contracts/Playout.md',
      '../../../../../../escape.md',
      'contracts/Playout%20API.md',
      'a b.md',
      'x.md?y=2#z',
      'x.md#section',
      '-dash/name.md',
      'a/b:c.md',
      'a\\b.md',
      'plain',
      '//other.example.com/x.md',
      'mailto:team@example.com',
      'été.md',
    ];
    it.each(bases)(
      'should resolve every kind of target as Backstage does against %s',
      base => {
        const { client } = setup();
        const resolvedByBackstage = targets.flatMap(target => {
          try {
            return [[target, defaultScmResolveUrl({ url: target, base })]];
          } catch {
            return [];
          }
        });
        expect(resolvedByBackstage.length).toBeGreaterThan(targets.length - 3);
        expect(
          resolvedByBackstage.map(([target]) => [
            target,
            client.resolveLink(target, base),
          ]),
        ).toEqual(resolvedByBackstage);
      },
    );

    it.each(bases)(
      'should resolve a root-relative target from the host root against %s',
      base => {
        const { client } = setup();
        expect(client.resolveLink('/root/C.md', base)).toBe(
          new URL('/root/C.md', base).href,
        );
      },
    );
  });

  describe('ScmIntegrationLookup', () => {
    it('should give the integration of a type only where it serves the URL', () => {
      const lookup = new ScmIntegrationLookup(scmIntegrations);
      expect(lookup.integrationOfType(GITHUB_DOC, 'github')?.config.host).toBe(
        'github.com',
      );
      expect(lookup.integrationOfType(GITHUB_DOC, 'gitlab')).toBeUndefined();
      expect(
        lookup.integrationFor('https://docs.example.net/a.md'),
      ).toBeUndefined();
    });

    it('should ask the registry each time for a value that is not an absolute URL', () => {
      const registry = ScmIntegrations.fromConfig(
        mockApis.config({ data: {} }),
      );
      const byUrl = jest.spyOn(registry, 'byUrl');
      const lookup = new ScmIntegrationLookup(registry);
      lookup.integrationFor('docs/a.md');
      lookup.integrationFor('docs/a.md');
      expect(byUrl).toHaveBeenCalledTimes(2);
    });

    it("should keep the base's query on a plain relative path, as Backstage does", () => {
      const lookup = new ScmIntegrationLookup(
        ScmIntegrations.fromConfig(mockApis.config({ data: {} })),
      );
      expect(
        lookup.resolveUrl(
          '../b.md',
          'https://docs.example.net/x/y/a.md?ref=main#top',
        ),
      ).toBe('https://docs.example.net/x/b.md?ref=main');
    });
  });
});
