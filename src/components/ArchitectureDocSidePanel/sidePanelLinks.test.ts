import { analyzeArchitectureDoc } from 'backstage-plugin-architecture-docs-common';
import type { ResolvedDocLink } from '../../model/loaded-doc';
import { contractGroups, relatedDocLinks } from './sidePanelLinks';

const DOC_URL = 'https://docs.example.com/shop/docs/architecture/Shop.md';

function docOf(markdown: string) {
  const report = analyzeArchitectureDoc(markdown, {
    path: 'shop/docs/architecture/Shop.md',
  });
  const links = report.links.map((link, index): ResolvedDocLink => ({
    index,
    link,
    url:
      link.kind === 'anchor' || link.unsafe
        ? null
        : new URL(link.target, DOC_URL).href,
    viewUrl: null,
    status: 'unknown',
  }));
  return { report, links };
}

describe('contractGroups', () => {
  it('should group contract links by responsibility and list each target once per row', () => {
    const doc = docOf(`# Shop

## Responsibilities

| Responsibility | Details | Contracts/tests |
| --- | --- | --- |
| Sell | Takes orders | [Orders](../contracts/Orders.md), [again](../contracts/Orders.md) |
| Ship | Hands over | [Orders](../contracts/Orders.md) |
`);
    expect(
      contractGroups(doc).map(group => [
        group.responsibility,
        group.contracts.map(entry => entry.label),
      ]),
    ).toEqual([
      ['Sell', ['Orders']],
      ['Ship', ['Orders']],
    ]);
  });

  it('should list contract links outside the table in their own group, without those the table has', () => {
    const doc = docOf(`# Shop

## Responsibilities

| Responsibility | Details | Contracts/tests |
| --- | --- | --- |
| Sell | Takes orders | [Orders](../contracts/Orders.md) |

Also [refunds](../contracts/Refunds.md), [orders](../contracts/Orders.md) and [refunds again](../contracts/Refunds.md).
`);
    expect(contractGroups(doc)[1]).toEqual({
      responsibility: null,
      contracts: [
        { link: doc.links[1], label: 'refunds', fileName: 'Refunds.md' },
      ],
    });
  });

  it('should label a link without text by its file name', () => {
    const doc = docOf('# Shop\n\nSee [](../contracts/Empty%20Text.md).\n');
    expect(contractGroups(doc)[0].contracts[0]).toMatchObject({
      label: 'Empty Text.md',
      fileName: undefined,
    });
  });

  it('should return no groups when the doc links no contracts', () => {
    expect(
      contractGroups(docOf('# Shop\n\nSee [a doc](./Other.md).\n')),
    ).toEqual([]);
  });
});

describe('relatedDocLinks', () => {
  it('should list the Related line first, then See also, skipping externals, anchors and repeats', () => {
    const doc = docOf(`# Shop

_Related: [Payments](../../../payments/Payments.md) • [Web](https://example.com)_

## See also

- [Stock](../../../stock/Stock.md)
- [Payments again](../../../payments/Payments.md)
- [Top](#shop)
`);
    expect(relatedDocLinks(doc).map(entry => entry.link.url)).toEqual([
      'https://docs.example.com/payments/Payments.md',
      'https://docs.example.com/stock/Stock.md',
    ]);
  });

  it('should leave out doc links found outside the Related line and See also', () => {
    expect(
      relatedDocLinks(
        docOf('# Shop\n\n## Purpose\n\nSee [other](./Other.md).\n'),
      ),
    ).toEqual([]);
  });
});
