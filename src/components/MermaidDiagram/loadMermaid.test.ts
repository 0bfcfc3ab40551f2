import type { MermaidApi } from './loadMermaid';

type LoadMermaidModule = typeof import('./loadMermaid');

const mockMermaid = {} as MermaidApi;
const mockMermaidFactory = jest.fn(() => ({
  __esModule: true,
  default: mockMermaid,
}));

jest.mock('mermaid', () => mockMermaidFactory());

function freshLoader(): LoadMermaidModule['loadMermaid'] {
  jest.resetModules();
  return jest.requireActual<LoadMermaidModule>('./loadMermaid').loadMermaid;
}

describe('loadMermaid', () => {
  beforeEach(() => {
    mockMermaidFactory.mockClear();
  });

  it('should resolve to the default export of the mermaid package', async () => {
    const loadMermaid = freshLoader();

    await expect(loadMermaid()).resolves.toBe(mockMermaid);
  });

  it('should share one pending import between callers', () => {
    const loadMermaid = freshLoader();

    expect(loadMermaid()).toBe(loadMermaid());
  });

  it('should try the import again after a failed load', async () => {
    const loadMermaid = freshLoader();
    mockMermaidFactory.mockImplementationOnce(() => {
      throw new Error('Loading chunk 7 failed.');
    });

    await expect(loadMermaid()).rejects.toThrow('Loading chunk 7 failed.');
    await expect(loadMermaid()).resolves.toBe(mockMermaid);
    expect(mockMermaidFactory).toHaveBeenCalledTimes(2);
  });

  it('should not evaluate mermaid before a load is asked for', async () => {
    const loadMermaid = freshLoader();

    expect(mockMermaidFactory).not.toHaveBeenCalled();
    await loadMermaid();
    expect(mockMermaidFactory).toHaveBeenCalledTimes(1);
  });

  it('should not evaluate mermaid when the diagram component is imported', () => {
    // A static import would put Mermaid into the entity page chunk, so every
    // doc would pay for it, diagrams or not.
    jest.resetModules();

    jest.requireActual<typeof import('./MermaidDiagram')>('./MermaidDiagram');

    expect(mockMermaidFactory).not.toHaveBeenCalled();
  });
});
