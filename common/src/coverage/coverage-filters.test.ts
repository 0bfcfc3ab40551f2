import { defaultTemplateModel } from '../analysis';
import { applyCoverageFilters, distinctValues } from './coverage-filters';
import {
  filtersFromSearchParams,
  filtersToSearchParams,
} from './coverage-filter-params';
import { analysed, testRow } from '@internal/architecture-docs-testing';

const [purpose] = defaultTemplateModel().sections;

const rows = [
  testRow(
    'checkout',
    { owner: 'team-a', system: 'shop', lifecycle: 'production' },
    analysed(100, []),
  ),
  testRow(
    'payments',
    { owner: 'team-b', system: 'shop', lifecycle: 'experimental' },
    analysed(40, ['missing']),
  ),
  testRow(
    'search',
    {
      owner: 'team-a',
      system: 'find',
      lifecycle: 'production',
      title: 'Product search',
    },
    analysed(70, ['placeholder']),
  ),
  testRow(
    'legacy',
    { owner: 'team-b', system: 'find', lifecycle: 'deprecated' },
    { status: 'no-annotation' },
  ),
  testRow('ledger', {
    owner: 'team-c',
    system: 'shop',
    lifecycle: 'production',
  }),
];
const names = (list: typeof rows) => list.map(r => r.name);

describe('filtersFromSearchParams / filtersToSearchParams', () => {
  it('should round-trip every filter through the URL', () => {
    const filters = {
      text: 'pay',
      owner: 'team-b',
      system: 'shop',
      lifecycle: 'experimental',
      status: 'analysed' as const,
      section: 'purpose',
      sectionStatus: 'placeholder' as const,
      minScore: 10,
      maxScore: 90,
      sort: 'score' as const,
      direction: 'desc' as const,
    };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe(
      'q=pay&owner=team-b&system=shop&lifecycle=experimental&status=analysed&section=purpose&sectionStatus=placeholder&minScore=10&maxScore=90&sort=score&dir=desc',
    );
    expect(filtersFromSearchParams(params)).toEqual(filters);
  });

  it('should leave the default section status out of the URL', () => {
    expect(
      filtersToSearchParams({
        section: 'purpose',
        sectionStatus: 'missing',
      }).toString(),
    ).toBe('section=purpose');
  });

  it('should ignore malformed values from a hand-edited URL', () => {
    expect(
      filtersFromSearchParams(
        new URLSearchParams(
          'status=great&minScore=abc&maxScore=250&sort=colour&dir=up&q=',
        ),
      ),
    ).toEqual({ maxScore: 100 });
  });
});

describe('applyCoverageFilters', () => {
  it('should match the text against name and title, case-insensitively', () => {
    expect(names(applyCoverageFilters(rows, { text: 'PRODUCT' }))).toEqual([
      'search',
    ]);
    expect(names(applyCoverageFilters(rows, { text: 'le' }))).toEqual([
      'ledger',
      'legacy',
    ]);
  });

  it('should filter by owner, system and lifecycle together', () => {
    expect(
      names(
        applyCoverageFilters(rows, {
          owner: 'team-a',
          system: 'find',
          lifecycle: 'production',
        }),
      ),
    ).toEqual(['search']);
  });

  it('should filter by status', () => {
    expect(
      names(applyCoverageFilters(rows, { status: 'no-annotation' })),
    ).toEqual(['legacy']);
    expect(names(applyCoverageFilters(rows, { status: 'pending' }))).toEqual([
      'ledger',
    ]);
  });

  it('should filter by a missing section, and by a section in another status', () => {
    expect(names(applyCoverageFilters(rows, { section: purpose.id }))).toEqual([
      'payments',
    ]);
    expect(
      names(
        applyCoverageFilters(rows, {
          section: purpose.id,
          sectionStatus: 'placeholder',
        }),
      ),
    ).toEqual(['search']);
    expect(
      names(
        applyCoverageFilters(rows, {
          section: purpose.id,
          sectionStatus: 'present',
        }),
      ),
    ).toEqual(['checkout']);
  });

  it('should filter by an inclusive score range and leave out rows without a score', () => {
    expect(
      names(applyCoverageFilters(rows, { minScore: 40, maxScore: 70 })),
    ).toEqual(['payments', 'search']);
    expect(names(applyCoverageFilters(rows, { maxScore: 100 }))).toEqual([
      'checkout',
      'payments',
      'search',
    ]);
  });

  it('should sort by score both ways with unscored rows last', () => {
    expect(names(applyCoverageFilters(rows, { sort: 'score' }))).toEqual([
      'payments',
      'search',
      'checkout',
      'ledger',
      'legacy',
    ]);
    expect(
      names(applyCoverageFilters(rows, { sort: 'score', direction: 'desc' })),
    ).toEqual(['checkout', 'search', 'payments', 'ledger', 'legacy']);
  });

  it('should sort by owner with the entity ref breaking ties', () => {
    expect(names(applyCoverageFilters(rows, { sort: 'owner' }))).toEqual([
      'checkout',
      'search',
      'legacy',
      'payments',
      'ledger',
    ]);
  });
});

describe('distinctValues', () => {
  it('should list each non-empty value once, sorted', () => {
    expect(distinctValues([...rows, testRow('x', {})], 'system')).toEqual([
      'find',
      'shop',
    ]);
  });
});
