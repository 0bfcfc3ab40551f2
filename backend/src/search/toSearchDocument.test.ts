import type { IndexedDocSummary } from 'backstage-plugin-architecture-docs-common';
import { architectureTabLocation, toSearchDocument } from './toSearchDocument';

const DOC: IndexedDocSummary = {
  entityRef: 'component:payments/orders',
  kind: 'Component',
  namespace: 'Payments',
  name: 'orders',
  title: 'Orders service',
  owner: 'group:default/team-a',
  system: 'system:default/shop',
  lifecycle: 'production',
  docTitle: 'Orders architecture',
  score: 67,
  sections: [
    { id: 'context', title: 'Context', status: 'present', anchor: 'context' },
    {
      id: 'security-and-compliance',
      title: 'Security and compliance',
      status: 'placeholder',
      anchor: 'security--compliance',
    },
    { id: 'risks', title: 'Risks', status: 'missing', anchor: null },
  ],
  missing: ['Risks'],
  placeholder: ['Security and compliance'],
  brokenLinks: 1,
  failingDiagrams: 0,
  changedAt: '2026-03-10T12:00:00.000Z',
  text: 'Orders architecture\nTakes orders.',
};

describe('toSearchDocument', () => {
  it('should make one search document of an indexed doc, with section locations', () => {
    expect(toSearchDocument(DOC)).toEqual({
      title: 'Orders architecture',
      text: 'Orders architecture\nTakes orders.',
      location: '/catalog/payments/component/orders/architecture',
      entityRef: 'component:payments/orders',
      entityTitle: 'Orders service',
      kind: 'Component',
      namespace: 'Payments',
      name: 'orders',
      owner: 'group:default/team-a',
      system: 'system:default/shop',
      lifecycle: 'production',
      score: 67,
      missing: ['Risks'],
      placeholder: ['Security and compliance'],
      sections: [
        {
          title: 'Context',
          status: 'present',
          location: '/catalog/payments/component/orders/architecture#context',
        },
        {
          title: 'Security and compliance',
          status: 'placeholder',
          location:
            '/catalog/payments/component/orders/architecture#security--compliance',
        },
        { title: 'Risks', status: 'missing' },
      ],
    });
  });

  it('should fall back to the entity title, and leave out empty catalog fields', () => {
    const document = toSearchDocument({
      ...DOC,
      docTitle: null,
      owner: '',
      system: '',
      lifecycle: '',
      text: undefined,
    });
    expect(document.title).toBe('Orders service');
    expect(document.text).toBe('');
    expect(document).not.toHaveProperty('owner');
    expect(document).not.toHaveProperty('system');
    expect(document).not.toHaveProperty('lifecycle');
  });

  it('should encode names and anchors that are not path-safe', () => {
    expect(
      architectureTabLocation({
        kind: 'Component',
        namespace: 'default',
        name: '../admin?x=1#y',
      }),
    ).toBe('/catalog/default/component/..%2Fadmin%3Fx%3D1%23y/architecture');
    const [section] = toSearchDocument({
      ...DOC,
      sections: [{ id: 'a', title: 'A', status: 'present', anchor: 'a"><b>' }],
    }).sections;
    expect(section.location).toBe(
      '/catalog/payments/component/orders/architecture#a%22%3E%3Cb%3E',
    );
  });
});
