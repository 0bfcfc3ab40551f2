import { timeAgo } from './relative-time';

const NOW = Date.parse('2026-12-05T12:00:00.000Z');

describe('timeAgo', () => {
  it('should say minutes ago', () => {
    expect(timeAgo('2026-12-05T11:48:00.000Z', NOW)).toBe('12 minutes ago');
  });

  it('should say hours and days ago in whole units', () => {
    expect(timeAgo('2026-12-05T09:59:00.000Z', NOW)).toBe('2 hours ago');
    expect(timeAgo('2026-12-02T12:00:00.000Z', NOW)).toBe('3 days ago');
  });

  it('should say now under a minute', () => {
    expect(timeAgo('2026-12-05T11:59:30.000Z', NOW)).toBe('now');
  });

  it('should give nothing for a value that is not a time', () => {
    expect(timeAgo('yesterday-ish', NOW)).toBeUndefined();
  });
});
