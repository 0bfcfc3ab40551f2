import { defaultTemplateModel } from '../lib/template-model';
import { summarizeSectionCoverage } from './coverage-summary';
import { analysed, testRow } from './coverage-test-rows';

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
    expect(summary[0]).toEqual({ id: template.sections[0].id, title: template.sections[0].title, present: 1, placeholder: 1, missing: 1 });
    expect(summary[1]).toMatchObject({ present: 1, placeholder: 1, missing: 1 });
    expect(summary[2]).toMatchObject({ present: 3, placeholder: 0, missing: 0 });
  });

  it('should give zeros when no doc was analysed', () => {
    const summary = summarizeSectionCoverage([testRow('d', {}, { status: 'error', message: 'x' })], template);
    expect(summary.every(s => s.present + s.placeholder + s.missing === 0)).toBe(true);
  });
});
