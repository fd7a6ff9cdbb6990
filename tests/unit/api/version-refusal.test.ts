import { describe, expect, it } from 'vitest';
import { nextVersionRefusal } from '../../../src/domain/contract/backend-contract';

describe('nextVersionRefusal', () => {
  it('takes the next number, refuses another number as stale (409)', () => {
    expect(nextVersionRefusal('2', 2)).toBeNull();
    expect(nextVersionRefusal('1', 2)?.status).toBe(409);
    expect(nextVersionRefusal('2147483647', 2)?.status).toBe(409);
  });

  it('refuses a content hash as never stamped (422), even one that is all digits', () => {
    expect(nextVersionRefusal('3fa9c0d21b7e44', 2)?.status).toBe(422);
    expect(nextVersionRefusal('40917265380214', 2)?.status).toBe(422);
  });
});
