import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aceErrorTexts, aceErrorToReason } from '../../utils/ace-error-texts';

const psc = /Post Summary Correction \(reason code H99\).*new CAPE Declaration/;

describe('aceErrorToReason (domain.md §5 error texts)', () => {
  it.each([
    ['ENTRY ON DRAWBACK', 'drawback'],
    ['ENTRY SUMMARY FLAGGED FOR RECON', 'reconciliation'],
    ['ENTRY SUMMARY IS CANCELLED/REJECTED', 'cancelled'],
    ['ENTRY SUMMARY IS IN FINAL LIQUIDATION STATUS', 'finally-liquidated'],
    ['UNABLE TO CALCULATE DUTY', 'unable-to-calculate-duty'],
    ['STATEMENT PROCESSING NOT COMPLETE', 'statement-processing-not-complete'],
    ['INVALID HTS', 'invalid-hts'],
    ['HTS RELATIONSHIP MISMATCH', 'hts-relationship-mismatch'],
  ])('%s → %s', (text, code) => {
    const reason = aceErrorToReason(text);
    expect(reason.code).toBe(code);
    expect(reason.message.length).toBeGreaterThan(20);
    expect(reason.fix.length).toBeGreaterThan(20);
  });

  it.each(['UNABLE TO CALCULATE DUTY', 'STATEMENT PROCESSING NOT COMPLETE', 'INVALID HTS', 'HTS RELATIONSHIP MISMATCH'])(
    '%s carries CBP advice: PSC reason H99 first, then a new declaration',
    (text) => {
      expect(aceErrorToReason(text).fix).toMatch(psc);
    },
  );

  it.each([
    ['entry on drawback', 'drawback'],
    ['  Entry   Summary Flagged for Recon.  ', 'reconciliation'],
    ['E123: ENTRY SUMMARY IS CANCELLED / REJECTED (see details)', 'cancelled'],
    ['Entry summary is cancelled', 'cancelled'],
    ['Entry summary is in final-liquidation status', 'finally-liquidated'],
    ['Error: Invalid HTS 9903.01.25', 'invalid-hts'],
    ['hts relationship  mismatch on line 3', 'hts-relationship-mismatch'],
    ['Unable to calculate duty.', 'unable-to-calculate-duty'],
    ['"STATEMENT PROCESSING NOT COMPLETE"', 'statement-processing-not-complete'],
    ['Duplicate entry', 'duplicate-claim'],
  ])('matches loosely: %j → %s', (text, code) => {
    expect(aceErrorToReason(text).code).toBe(code);
  });

  it('points a reconciliation rejection to Phase 2', () => {
    expect(aceErrorToReason('ENTRY SUMMARY FLAGGED FOR RECON').fix).toContain('From 2026-06-29 (CAPE Phase 2) entry types 01, 02, 06');
  });

  it('does not match words inside other words', () => {
    expect(aceErrorToReason('REINVALID HTSX').code).toBe('unknown-ace-error');
  });

  it('keeps the text of unknown errors', () => {
    const reason = aceErrorToReason('  SOMETHING NEW HAPPENED ');
    expect(reason.code).toBe('unknown-ace-error');
    expect(reason.message).toContain('"SOMETHING NEW HAPPENED"');
    expect(reason.fix).toContain('Claim Details');
  });

  it('handles empty text', () => {
    expect(aceErrorToReason('').code).toBe('unknown-ace-error');
    expect(aceErrorToReason('   ').message).toContain('without an error text');
  });

  it('every table text maps to its own code', () => {
    for (const known of aceErrorTexts) {
      for (const text of known.texts) expect(aceErrorToReason(text).code).toBe(known.code);
    }
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof aceErrorToReason(text).code).toBe('string');
      }),
    );
  });
});
