import { ArchitectureDocError } from '../api';
import { asDocError } from './doc-error';

describe('asDocError', () => {
  it('should keep an ArchitectureDocError as it is', () => {
    const error = new ArchitectureDocError('not-found', 'gone', {
      url: 'https://h/a.md',
    });
    expect(asDocError(error)).toBe(error);
  });

  it('should make any other error a failure with its message', () => {
    const error = asDocError(new Error('Failed to fetch'));
    expect(error).toBeInstanceOf(ArchitectureDocError);
    expect(error.kind).toBe('failed');
    expect(error.message).toBe('Failed to fetch');
  });

  it('should make a thrown value that is not an error a failure with its text', () => {
    const error = asDocError('offline');
    expect(error.kind).toBe('failed');
    expect(error.message).toBe('offline');
  });
});
