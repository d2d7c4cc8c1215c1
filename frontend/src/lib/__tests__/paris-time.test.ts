import { describe, expect, it } from 'vitest';

import { parisToday } from '../paris-time';

describe('parisToday', () => {
  it('is already tomorrow in Paris when it is still today in UTC', () => {
    expect(parisToday(new Date('2027-03-01T23:30:00Z'))).toBe('2027-03-02');
    expect(parisToday(new Date('2027-07-14T22:15:00Z'))).toBe('2027-07-15');
    expect(parisToday(new Date('2027-03-01T12:00:00Z'))).toBe('2027-03-01');
  });
});
