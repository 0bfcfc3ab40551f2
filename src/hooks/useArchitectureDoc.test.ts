import type { Entity } from '@backstage/catalog-model';
import { ArchitectureDocError, type ArchitectureDocsApi } from '../api';
import { defaultTemplateModel } from '../lib';
import { buildLoadedDoc, checkLinkTargets } from './useArchitectureDoc';
import { documentKey, loadDocOwners, systemRefOf, type DocOwner } from './useDocOwners';

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
      entityPath: undefined,
    });
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

describe('loadDocOwners', () => {
  it('should query the catalog once for annotated entities and map their doc URLs', async () => {
    const api = mockApi();
    api.getDocLocation.mockImplementation(entity => {
      if (entity.metadata.name === 'broken') throw new ArchitectureDocError('invalid-location', 'bad');
      return { ref: 'x', url: `https://h/${entity.metadata.name}.md#top` };
    });
    const getEntities = jest.fn().mockResolvedValue({
      items: [component('a', {}, 'shop'), component('broken')],
    });
    const owners = await loadDocOwners({ getEntities }, api, 'architecture-docs/ref');
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(getEntities.mock.calls[0][0].filter).toEqual({
      'metadata.annotations.architecture-docs/ref': expect.anything(),
    });
    expect([...owners.keys()]).toEqual(['https://h/a.md']);
    expect(owners.get('https://h/a.md')).toMatchObject({ entityRef: 'component:default/a', systemRef: 'system:default/shop' });
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
