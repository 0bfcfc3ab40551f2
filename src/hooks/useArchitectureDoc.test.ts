import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { ArchitectureDocError, type ArchitectureDocsApi } from '../api';
import { defaultTemplateModel } from '../lib';
import { buildLoadedDoc, checkLinkTargets } from './useArchitectureDoc';
import {
  annotationValuesFor,
  cachedDocOwners,
  documentKey,
  loadDocOwners,
  MAX_OWNER_LOOKUP_DOCS,
  OWNER_CACHE_TTL_MS,
  systemRefOf,
  type DocOwner,
} from './useDocOwners';

const DOC_URL = 'https://docs.example.com/checkout/docs/architecture/Checkout.md';

function component(name: string, annotations: Record<string, string> = {}, system?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team', lifecycle: 'production', ...(system ? { system } : {}) },
  };
}

function mockApi(): jest.Mocked<ArchitectureDocsApi> {
  return {
    getDocLocation: jest.fn(),
    getEntityDoc: jest.fn(),
    getDoc: jest.fn(),
    resolveLink: jest.fn((target: string, base: string) => new URL(target, base).href),
    getViewUrl: jest.fn((url: string) => `${url}?view`),
    signIn: jest.fn(),
  };
}

const MARKDOWN = `# Checkout

_Related: [Payments](../../../payments/docs/architecture/Payments.md#flow)_

## Purpose

Takes orders. See [the contract](../contracts/Orders.md), [spec](https://example.com/spec),
[bad](javascript:alert(1)) and [purpose](#purpose).
`;

describe('buildLoadedDoc', () => {
  const owner: DocOwner = {
    entityRef: 'component:default/payments',
    entity: component('payments'),
    systemRef: 'system:default/shop',
  };
  const owners = new Map([
    ['https://docs.example.com/payments/docs/architecture/Payments.md', owner],
  ]);

  function build(api = mockApi()) {
    return buildLoadedDoc({
      api,
      location: { ref: './docs/architecture/Checkout.md', url: DOC_URL },
      file: { url: DOC_URL, content: MARKDOWN },
      template: defaultTemplateModel(),
      owners,
      entityPath: o => `/catalog/default/component/${o.entity.metadata.name}/architecture`,
    });
  }

  it('should route a link to another entity\'s doc to that entity\'s tab, keeping the fragment', () => {
    const doc = build();
    expect(doc.links[0]).toMatchObject({
      url: 'https://docs.example.com/payments/docs/architecture/Payments.md#flow',
      entityRef: 'component:default/payments',
      entityPath: '/catalog/default/component/payments/architecture#flow',
      entitySystemRef: 'system:default/shop',
      status: 'unknown',
    });
  });

  it('should send other relative links to their page on the host', () => {
    const doc = build();
    expect(doc.links[1]).toMatchObject({
      url: 'https://docs.example.com/checkout/docs/contracts/Orders.md',
      viewUrl: 'https://docs.example.com/checkout/docs/contracts/Orders.md?view',
    });
    expect(doc.links[1].entityPath).toBeUndefined();
    expect(doc.links[1].link.kind).toBe('contract');
  });

  it('should resolve nothing for unsafe and anchor links', () => {
    const api = mockApi();
    const doc = build(api);
    expect(doc.links[3]).toMatchObject({ url: null, viewUrl: null });
    expect(doc.links[4]).toMatchObject({ url: null, viewUrl: null });
    // eslint-disable-next-line no-script-url
    expect(api.resolveLink).not.toHaveBeenCalledWith('javascript:alert(1)', expect.anything());
  });

  it('should analyse the doc with the URL path so contract folders are recognised', () => {
    const doc = build();
    expect(doc.report.links[1].resolved).toBe('checkout/docs/contracts/Orders.md');
    expect(doc.report.sections[0]).toMatchObject({ status: 'present', heading: 'Purpose' });
  });
});

describe('checkLinkTargets', () => {
  it('should mark a 404 missing, an answer ok and any other failure unknown', async () => {
    const api = mockApi();
    api.getDoc.mockImplementation(async url => {
      if (url.endsWith('gone.md')) throw new ArchitectureDocError('not-found', 'gone');
      if (url.endsWith('private.md')) throw new ArchitectureDocError('sign-in-needed', 'no');
      return { url, content: '# ok' };
    });
    const results: Record<string, string> = {};
    await checkLinkTargets(api, ['https://h/ok.md', 'https://h/gone.md', 'https://h/private.md'], new AbortController().signal, (url, status) => {
      results[url] = status;
    });
    expect(results).toEqual({
      'https://h/ok.md': 'ok',
      'https://h/gone.md': 'missing',
      'https://h/private.md': 'unknown',
    });
  });

  it('should check at most four targets at once', async () => {
    const api = mockApi();
    let running = 0;
    let peak = 0;
    api.getDoc.mockImplementation(async url => {
      running++;
      peak = Math.max(peak, running);
      await new Promise(resolve => setTimeout(resolve, 5));
      running--;
      return { url, content: '' };
    });
    const urls = Array.from({ length: 12 }, (_, i) => `https://h/${i}.md`);
    await checkLinkTargets(api, urls, new AbortController().signal, () => {});
    expect(peak).toBe(4);
    expect(api.getDoc).toHaveBeenCalledTimes(12);
  });

  it('should stop reporting once aborted', async () => {
    const api = mockApi();
    const controller = new AbortController();
    api.getDoc.mockImplementation(async url => {
      controller.abort();
      return { url, content: '' };
    });
    const onResult = jest.fn();
    await checkLinkTargets(api, ['https://h/a.md', 'https://h/b.md'], controller.signal, onResult);
    expect(onResult).not.toHaveBeenCalled();
  });
});

describe('annotationValuesFor', () => {
  it('should list the URL and the path from every folder above the doc in each ref form', () => {
    expect(annotationValuesFor('https://h/repo/docs/My%20Doc.md#top')).toEqual([
      'https://h/repo/docs/My%20Doc.md',
      'repo/docs/My%20Doc.md',
      './repo/docs/My%20Doc.md',
      '/repo/docs/My%20Doc.md',
      'repo/docs/My Doc.md',
      './repo/docs/My Doc.md',
      '/repo/docs/My Doc.md',
      'docs/My%20Doc.md',
      './docs/My%20Doc.md',
      '/docs/My%20Doc.md',
      'docs/My Doc.md',
      './docs/My Doc.md',
      '/docs/My Doc.md',
      'My%20Doc.md',
      './My%20Doc.md',
      '/My%20Doc.md',
      'My Doc.md',
      './My Doc.md',
      '/My Doc.md',
    ]);
  });

  it('should keep a malformed path as written', () => {
    expect(annotationValuesFor('https://h/%E0%A4%A.md')).toEqual([
      'https://h/%E0%A4%A.md',
      '%E0%A4%A.md',
      './%E0%A4%A.md',
      '/%E0%A4%A.md',
    ]);
  });
});

describe('loadDocOwners', () => {
  function ownerApi() {
    const api = mockApi();
    api.getDocLocation.mockImplementation(entity => {
      if (entity.metadata.name === 'broken') throw new ArchitectureDocError('invalid-location', 'bad');
      return { ref: 'x', url: `https://h/${entity.metadata.name}.md#top` };
    });
    return api;
  }

  function catalog(...entities: Entity[]) {
    const client = new InMemoryCatalogClient({ entities });
    jest.spyOn(client, 'queryEntities');
    jest.spyOn(client, 'getEntities');
    return client;
  }

  it('should ask the catalog only for entities whose annotation can point at the linked docs', async () => {
    const api = ownerApi();
    const client = catalog(
      component('a', { 'architecture-docs/ref': './a.md' }, 'shop'),
      component('broken', { 'architecture-docs/ref': 'broken.md' }),
      component('other', { 'architecture-docs/ref': './other.md' }),
    );
    const owners = await loadDocOwners(client, api, 'architecture-docs/ref', ['https://h/a.md#x', 'https://h/a.md']);
    expect(client.getEntities).not.toHaveBeenCalled();
    expect(client.queryEntities).toHaveBeenCalledTimes(1);
    expect(client.queryEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: { 'metadata.annotations.architecture-docs/ref': ['https://h/a.md', 'a.md', './a.md', '/a.md'] },
      }),
    );
    // Only the matching entity was read and resolved.
    expect(api.getDocLocation).toHaveBeenCalledTimes(1);
    expect([...owners.keys()]).toEqual(['https://h/a.md']);
    expect(owners.get('https://h/a.md')).toMatchObject({ entityRef: 'component:default/a', systemRef: 'system:default/shop' });
  });

  it('should read every page of a query', async () => {
    const api = mockApi();
    api.getDocLocation.mockImplementation(entity => ({ ref: 'x', url: `https://h/${entity.metadata.name === 'z' ? 'a' : 'b'}.md` }));
    const many = Array.from({ length: 150 }, (_, i) => component(`n${String(i).padStart(3, '0')}`, { 'architecture-docs/ref': './a.md' }));
    const client = catalog(...many, component('z', { 'architecture-docs/ref': './a.md' }));
    const owners = await loadDocOwners(client, api, 'architecture-docs/ref', ['https://h/a.md']);
    expect(client.queryEntities).toHaveBeenCalledTimes(2);
    expect(owners.get('https://h/a.md')?.entityRef).toBe('component:default/z');
  });

  it('should answer a second lookup of the same docs from the cache', async () => {
    const api = ownerApi();
    const client = catalog(component('a', { 'architecture-docs/ref': './a.md' }));
    await loadDocOwners(client, api, 'architecture-docs/ref', ['https://h/a.md', 'https://h/none.md']);
    expect(cachedDocOwners(client, 'architecture-docs/ref', ['https://h/a.md', 'https://h/none.md'])).toEqual(
      new Map([['https://h/a.md', expect.objectContaining({ entityRef: 'component:default/a' })]]),
    );
    const again = await loadDocOwners(client, api, 'architecture-docs/ref', ['https://h/a.md', 'https://h/none.md']);
    expect(client.queryEntities).toHaveBeenCalledTimes(1);
    expect([...again.keys()]).toEqual(['https://h/a.md']);
  });

  it('should ask again once the remembered answer is older than the cache TTL', async () => {
    const api = ownerApi();
    const client = catalog(component('a', { 'architecture-docs/ref': './a.md' }));
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000);
    await loadDocOwners(client, api, 'architecture-docs/ref', ['https://h/a.md']);
    now.mockReturnValue(1_000 + OWNER_CACHE_TTL_MS);
    expect(cachedDocOwners(client, 'architecture-docs/ref', ['https://h/a.md'], Date.now())).toBeUndefined();
    await loadDocOwners(client, api, 'architecture-docs/ref', ['https://h/a.md']);
    expect(client.queryEntities).toHaveBeenCalledTimes(2);
    now.mockRestore();
  });

  it(`should look up at most ${MAX_OWNER_LOOKUP_DOCS} docs`, async () => {
    const api = ownerApi();
    const client = catalog();
    const urls = Array.from({ length: MAX_OWNER_LOOKUP_DOCS + 5 }, (_, i) => `https://h/d${i}.md`);
    await loadDocOwners(client, api, 'architecture-docs/ref', urls);
    const asked = (client.queryEntities as jest.Mock).mock.calls.flatMap(
      ([request]) => request.filter?.['metadata.annotations.architecture-docs/ref'] ?? [],
    );
    expect(asked).toContain(`https://h/d${MAX_OWNER_LOOKUP_DOCS - 1}.md`);
    expect(asked).not.toContain(`https://h/d${MAX_OWNER_LOOKUP_DOCS}.md`);
  });
});

describe('documentKey', () => {
  it('should drop fragment and query', () => {
    expect(documentKey('https://h/a.md?ref=main#x')).toBe('https://h/a.md');
  });
});

describe('systemRefOf', () => {
  it('should expand a short system name in the entity namespace', () => {
    expect(systemRefOf(component('a', {}, 'shop'))).toBe('system:default/shop');
    expect(systemRefOf(component('a', {}, 'other/shop'))).toBe('system:other/shop');
    expect(systemRefOf(component('a'))).toBeUndefined();
  });
});
