import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  markdownFiles,
  REQUIRE_SHARED_FILES_ENV,
  sharedDirBeside,
  sharedFilesSkipReason,
} from './sharedFiles';

describe('sharedDirBeside', () => {
  it('should find the shared folder beside the repository', () => {
    expect(sharedDirBeside('/src/repo', {})).toBe(path.resolve('/src/shared'));
  });

  it('should take ARCHITECTURE_DOCS_SHARED_DIR when it is set', () => {
    expect(
      sharedDirBeside('/src/repo', {
        ARCHITECTURE_DOCS_SHARED_DIR: '/elsewhere/shared',
      }),
    ).toBe(path.resolve('/elsewhere/shared'));
  });
});

describe('sharedFilesSkipReason', () => {
  it('should give no reason when nothing is missing', () => {
    expect(
      sharedFilesSkipReason({ [REQUIRE_SHARED_FILES_ENV]: '1' }, []),
    ).toBeUndefined();
  });

  it('should name the missing files as the reason to skip', () => {
    expect(sharedFilesSkipReason({}, ['/x/shared/corpus'])).toBe(
      'the shared files beside the repository are missing (/x/shared/corpus)',
    );
  });

  it('should fail instead of skipping when the shared files are required', () => {
    expect(() =>
      sharedFilesSkipReason({ [REQUIRE_SHARED_FILES_ENV]: '1' }, [
        '/x/shared/corpus',
      ]),
    ).toThrow(
      'ARCHITECTURE_DOCS_REQUIRE_CORPUS=1 but the shared files beside the repository are missing (/x/shared/corpus)',
    );
  });
});

describe('markdownFiles', () => {
  it('should list the markdown files of a folder and its subfolders only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-files-'));
    try {
      fs.mkdirSync(path.join(dir, 'docs'));
      fs.writeFileSync(path.join(dir, 'README.md'), '# a');
      fs.writeFileSync(path.join(dir, 'docs', 'B.MD'), '# b');
      fs.writeFileSync(path.join(dir, 'docs', 'labels.json'), '{}');
      expect(markdownFiles(dir).sort()).toEqual(
        [path.join(dir, 'README.md'), path.join(dir, 'docs', 'B.MD')].sort(),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
