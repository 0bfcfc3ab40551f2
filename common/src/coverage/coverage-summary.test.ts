import { defaultTemplateModel } from '../analysis';
import {
  sectionPresentShare,
  summarizeSectionCoverage,
  summarizeSectionCoverageByOwner,
} from './coverage-summary';
import { analysed, testRow } from '@internal/architecture-docs-testing';

describe('summarizeSectionCoverage', () => {
  const template = defaultTemplateModel();

  it('should count present, placeholder and missing per section over analysed docs only', () => {
    const summary = summarizeSectionCoverage(
      [
        testRow('a', {}, analysed(100, [])),
        testRow('b', {}, analysed(50, ['missing', 'placeholder'])),
        testRow('c', {}, analysed(50, ['placeholder', 'missing'])),
        testRow('d', {}, { status: 'not-found' }),
        testRow('e', {}),
      ],
      template,
    );
    expect(summary).toHaveLength(template.sections.length);
    expect(summary[0]).toEqual({
      id: template.sections[0].id,
      title: template.sections[0].title,
      present: 1,
      placeholder: 1,
      missing: 1,
    });
    expect(summary[1]).toMatchObject({
      present: 1,
      placeholder: 1,
      missing: 1,
    });
    expect(summary[2]).toMatchObject({
      present: 3,
      placeholder: 0,
      missing: 0,
    });
  });

  it('should give zeros when no doc was analysed', () => {
    const summary = summarizeSectionCoverage(
      [testRow('d', {}, { status: 'error', message: 'x' })],
      template,
    );
    expect(
      summary.every(s => s.present + s.placeholder + s.missing === 0),
    ).toBe(true);
  });
});

describe('summarizeSectionCoverageByOwner', () => {
  const template = defaultTemplateModel();

  it('should count each owner over its own analysed docs, owners sorted as the owner filter lists them', () => {
    const byOwner = summarizeSectionCoverageByOwner(
      [
        testRow('a', { owner: 'team-b' }, analysed(100, [])),
        testRow(
          'b',
          { owner: 'team-a' },
          analysed(50, ['missing', 'placeholder']),
        ),
        testRow('c', { owner: 'team-a' }, analysed(50, ['placeholder'])),
        testRow('d', { owner: 'team-a' }, { status: 'not-found' }),
        testRow('e', { owner: 'team-c' }),
      ],
      template,
    );
    expect(byOwner.map(entry => [entry.owner, entry.analysed])).toEqual([
      ['team-a', 2],
      ['team-b', 1],
      ['team-c', 0],
    ]);
    expect(byOwner[0].sections).toHaveLength(template.sections.length);
    expect(byOwner[0].sections[0]).toEqual({
      id: template.sections[0].id,
      title: template.sections[0].title,
      present: 0,
      placeholder: 1,
      missing: 1,
    });
    expect(byOwner[0].sections[1]).toMatchObject({
      present: 1,
      placeholder: 1,
      missing: 0,
    });
    expect(byOwner[1].sections[0]).toMatchObject({
      present: 1,
      placeholder: 0,
      missing: 0,
    });
    expect(
      byOwner[2].sections.every(
        s => s.present + s.placeholder + s.missing === 0,
      ),
    ).toBe(true);
  });

  it('should leave out rows without an owner', () => {
    const byOwner = summarizeSectionCoverageByOwner(
      [
        testRow('a', {}, analysed(100, [])),
        testRow('b', { owner: 'team-a' }, analysed(100, [])),
      ],
      template,
    );
    expect(byOwner.map(entry => entry.owner)).toEqual(['team-a']);
    expect(byOwner[0].sections[0].present).toBe(1);
  });
});

describe('sectionPresentShare', () => {
  it('should give the share of counted docs with the section present', () => {
    expect(
      sectionPresentShare({
        id: 'p',
        title: 'P',
        present: 3,
        placeholder: 1,
        missing: 0,
      }),
    ).toBe(0.75);
  });

  it('should give null when no doc was counted', () => {
    expect(
      sectionPresentShare({
        id: 'p',
        title: 'P',
        present: 0,
        placeholder: 0,
        missing: 0,
      }),
    ).toBeNull();
  });
});
