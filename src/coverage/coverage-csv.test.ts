import { defaultTemplateModel } from 'backstage-plugin-architecture-docs-common';
import { coverageRowsToCsv, csvCell } from './coverage-csv';
import { analysed, testRow } from '@internal/architecture-docs-testing';

const sections = defaultTemplateModel().sections;

describe('csvCell', () => {
  it('should quote cells with commas, quotes, line breaks and edge spaces', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('should defuse text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(
      '"\'=HYPERLINK(""http://evil"")"',
    );
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
  });

  it('should write numbers as they are and nothing for null', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('coverageRowsToCsv', () => {
  it('should write a header and one CRLF line per row in the given order', () => {
    const csv = coverageRowsToCsv([
      testRow(
        'b',
        {
          owner: 'team, b',
          system: 'shop',
          lifecycle: 'production',
          title: '=evil',
        },
        analysed(58, ['missing', 'placeholder'], []),
      ),
      testRow(
        'a',
        { owner: 'team-a' },
        { status: 'not-found', docUrl: 'https://x/a.md' },
      ),
    ]);
    expect(csv).toBe(
      [
        'entity,title,owner,system,lifecycle,status,score,missing sections,placeholder sections,broken links,doc url',
        `component:default/b,'=evil,"team, b",shop,production,analysed,58,${sections[0].title},${sections[1].title},0,https://docs.example.com/a.md`,
        'component:default/a,a,team-a,,,not-found,,,,,https://x/a.md',
        '',
      ].join('\r\n'),
    );
  });

  it('should join several sections with semicolons', () => {
    const csv = coverageRowsToCsv([
      testRow('c', {}, analysed(0, ['missing', 'missing'])),
    ]);
    expect(csv.split('\r\n')[1]).toContain(
      `${sections[0].title}; ${sections[1].title}`,
    );
  });
});
