import { describe, expect, it } from 'vitest';
import { attachmentHref, deliveryLabel, fileSize } from './conversation.js';

describe('conversation labels', () => {
  it('say how a reply’s delivery went', () => {
    expect(deliveryLabel(null)).toBeUndefined();
    expect(deliveryLabel({ state: 'sent', attempts: 1, error: null })).toBe('Sent');
    expect(deliveryLabel({ state: 'queued', attempts: 0, error: null })).toMatch(/^Queued/);
    expect(deliveryLabel({ state: 'failing', attempts: 3, error: 'connection refused' })).toBe(
      'Not delivered yet (3 attempts, retrying): connection refused',
    );
  });

  it('give file sizes in the unit a person reads', () => {
    expect(fileSize(512)).toBe('512 B');
    expect(fileSize(3000)).toBe('2.9 KB');
    expect(fileSize(5 * 1024 * 1024)).toBe('5 MB');
  });

  it('link a file under its ticket', () => {
    expect(attachmentHref('a/b', 7)).toBe('/api/tickets/a%2Fb/attachments/7');
  });
});
