import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_STAGES_FOR_OUTLIER, waitingOutliers } from './waiting-outliers.js';

const member = (share: number | null, stages = 20) => ({ stages, share });

describe('waitingOutliers', () => {
  it('flags a share far above the others, not one a little above', () => {
    expect(waitingOutliers([member(0.1), member(0.12), member(0.08), member(0.45), member(0.2)])).toEqual([
      false,
      false,
      false,
      true,
      false,
    ]);
  });

  it('needs both twice the median and 15 points above it', () => {
    // 0.04 is five times 0.008 but only 3 points above: low shares stay unflagged.
    expect(waitingOutliers([member(0.008), member(0.01), member(0.04)])).toEqual([false, false, false]);
    // 0.55 is 15 points above 0.4 but not twice it.
    expect(waitingOutliers([member(0.4), member(0.4), member(0.55)])).toEqual([false, false, false]);
  });

  it('says nothing about members with too few stages, without peers, or without a share', () => {
    expect(waitingOutliers([member(0.05), member(0.05), member(0.9, MIN_STAGES_FOR_OUTLIER - 1)])).toEqual([
      false,
      false,
      false,
    ]);
    expect(waitingOutliers([member(0.9)])).toEqual([false]);
    expect(waitingOutliers([member(null), member(0.05), member(0.9)])).toEqual([false, false, true]);
  });

  it('never flags everyone, and raising a flagged share keeps it flagged', () => {
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.array(share, { minLength: 2, maxLength: 12 }), fc.nat(11), (shares, pick) => {
        const members = shares.map((s) => member(s));
        const flags = waitingOutliers(members);
        expect(flags.every(Boolean)).toBe(false);
        const index = pick % shares.length;
        if (flags[index]) {
          const raised = members.map((m, i) => (i === index ? member(Math.min(1, (m.share ?? 0) + 0.1)) : m));
          expect(waitingOutliers(raised)[index]).toBe(true);
        }
      }),
    );
  });
});
