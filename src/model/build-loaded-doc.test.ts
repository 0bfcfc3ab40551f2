import { defaultTemplateModel } from 'backstage-plugin-architecture-docs-common';
import { mockArchitectureDocsApi } from '../testing/mockArchitectureDocsApi';
import { testComponent } from '../testing/testComponent';
import type { DocOwner } from './doc-owners';
import {
  buildLoadedDoc,
  checkableLinkUrls,
  withLinkStatuses,
} from './build-loaded-doc';

const DOC_URL =
  'https://docs.example.com/checkout/docs/architecture/Checkout.md';

const MARKDOWN = `# Checkout

_Related: [Payments](../../../payments/docs/architecture/Payments.md#flow)_

## Purpose

Takes orders. See [the contract](../contracts/Orders.md), [spec](https://example.com/spec),
[bad](javascript:alert(1)) and [purpose](#purpose).
`;

describe('buildLoadedDoc', () => {
  const owner: DocOwner = {
    entityRef: 'component:default/payments',
    entity: testComponent('payments'),
    systemRef: 'system:default/shop',
  };
  const owners = new Map([
    ['https://docs.example.com/payments/docs/architecture/Payments.md', owner],
  ]);

  function build(api = mockArchitectureDocsApi()) {
    return buildLoadedDoc({
      api,
      location: { ref: './docs/architecture/Checkout.md', url: DOC_URL },
      file: { url: DOC_URL, content: MARKDOWN },
      template: defaultTemplateModel(),
      owners,
      entityPath: o =>
        `/catalog/default/component/${o.entity.metadata.name}/architecture`,
    });
  }

  it("should route a link to another entity's doc to that entity's tab, keeping the fragment", () => {
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
      viewUrl:
        'https://docs.example.com/checkout/docs/contracts/Orders.md?view',
    });
    expect(doc.links[1].entityPath).toBeUndefined();
    expect(doc.links[1].link.kind).toBe('contract');
  });

  it('should resolve nothing for unsafe and anchor links', () => {
    const api = mockArchitectureDocsApi();
    const doc = build(api);
    expect(doc.links[3]).toMatchObject({ url: null, viewUrl: null });
    expect(doc.links[4]).toMatchObject({ url: null, viewUrl: null });
    expect(api.resolveLink).not.toHaveBeenCalledWith(
      // A script URL is the input under test, never run.
      // eslint-disable-next-line no-script-url
      'javascript:alert(1)',
      expect.anything(),
    );
  });

  it('should analyse the doc with the URL path so contract folders are recognised', () => {
    const doc = build();
    expect(doc.report.links[1].resolved).toBe(
      'checkout/docs/contracts/Orders.md',
    );
    expect(doc.report.sections[0]).toMatchObject({
      status: 'present',
      heading: 'Purpose',
    });
  });
});

describe('withLinkStatuses', () => {
  const doc = buildLoadedDoc({
    api: mockArchitectureDocsApi(),
    location: { ref: './docs/architecture/Checkout.md', url: DOC_URL },
    file: { url: DOC_URL, content: MARKDOWN },
    template: defaultTemplateModel(),
    entityPath: () => undefined,
  });

  it('should list each checkable document once, without fragment', () => {
    expect(checkableLinkUrls(doc)).toEqual([
      'https://docs.example.com/payments/docs/architecture/Payments.md',
      'https://docs.example.com/checkout/docs/contracts/Orders.md',
    ]);
  });

  it('should set the status on the links and existence on the report for known statuses only', () => {
    const checked = withLinkStatuses(
      doc,
      new Map([
        [
          'https://docs.example.com/payments/docs/architecture/Payments.md',
          'missing',
        ],
        [
          'https://docs.example.com/checkout/docs/contracts/Orders.md',
          'unknown',
        ],
      ]),
    );
    expect(checked.links.map(link => link.status)).toEqual([
      'missing',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
    expect(checked.report.links.map(link => link.exists)).toEqual([
      false,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('should give back the same doc when no status is known', () => {
    expect(withLinkStatuses(doc, new Map())).toBe(doc);
  });
});
