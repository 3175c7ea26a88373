import { describe, expect, it } from 'vitest';
import { slaConfirmText, slaOffer } from './applySla.js';

describe('slaOffer', () => {
  it('offers the latest version when tickets of older versions run', () => {
    const offer = slaOffer([
      { version: 3, runningTickets: 4 },
      { version: 1, runningTickets: 2 },
      { version: 2, runningTickets: 1 },
    ]);
    expect(offer).toEqual({ version: 3, tickets: 3 });
    expect(slaConfirmText(offer!)).toMatch(
      /^Apply the SLA targets of v3 to 3 running tickets started on older versions\?/,
    );
    expect(slaConfirmText({ version: 2, tickets: 1 })).toMatch(/to 1 running ticket started/);
  });

  it('offers nothing when only the latest version has running tickets, or nothing is deployed', () => {
    expect(
      slaOffer([
        { version: 2, runningTickets: 5 },
        { version: 1, runningTickets: 0 },
      ]),
    ).toBeUndefined();
    expect(slaOffer([{ version: 1, runningTickets: 5 }])).toBeUndefined();
    expect(slaOffer([])).toBeUndefined();
  });
});
