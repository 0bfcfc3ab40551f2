/**
 * @jest-environment node
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, EXIT_OK, EXIT_USAGE } from './check-command';

jest.mock('./load-mermaid-in-node', () => ({
  loadMermaidInNode: () =>
    Promise.reject(new Error('Cannot find package "mermaid"')),
}));

describe('architecture-docs check when Mermaid cannot be loaded', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'architecture-docs-cli-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function check(markdown: string) {
    fs.writeFileSync(path.join(dir, 'Doc.md'), markdown);
    let stdout = '';
    let stderr = '';
    const code = await runCli(['check', 'Doc.md'], {
      cwd: dir,
      stdout: text => {
        stdout += text;
      },
      stderr: text => {
        stderr += text;
      },
    });
    return { code, stdout, stderr };
  }

  it('should exit 2 and say so rather than pass diagrams it could not check', async () => {
    const { code, stdout, stderr } = await check(
      '# Doc\n\n```mermaid\nflowchart TD\n  A --> B\n```\n',
    );
    expect(code).toBe(EXIT_USAGE);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'architecture-docs: Mermaid could not be loaded to check the diagrams: Cannot find package "mermaid"\n',
    );
  });

  it('should still check docs without diagrams', async () => {
    expect((await check('# Doc\n\nNo diagrams.\n')).code).toBe(EXIT_OK);
  });
});
