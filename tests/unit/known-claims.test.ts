import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readKnownClaims } from '../../utils/known-claims';

describe('readKnownClaims', () => {
  it('simple form: claims with entries in any form; unreadable entries are skipped', async () => {
    const claims = await readKnownClaims(readFileSync(new URL('../fixtures/input/claims.json', import.meta.url), 'utf8'));
    expect(claims).toEqual(new Map([['EQ710000017', ['CAPE-26-000123', 'CAPE-26-000200']]]));
  });

  it('a history backup: rejected entries and rejected claims may be filed again', async () => {
    const claims = await readKnownClaims(readFileSync(new URL('../fixtures/history/backup-v1.json', import.meta.url), 'utf8'));
    expect(claims).toEqual(
      new Map([
        ['ABC12345676', ['CAPE-2026-000101']],
        ['ABC12345700', ['CAPE-2026-000101']],
        ['ABC12345684', ['CAPE-2026-000102']],
        ['XYZ00000015', ['CAPE-2026-000102']],
        ['XYZ00000023', ['CAPE-2026-000102']],
        ['XYZ00000031', ['CAPE-2026-000102']],
      ]),
    );
  });

  it('a changed backup is refused with the backup reader’s message', async () => {
    const text = readFileSync(new URL('../fixtures/history/backup-v1.json', import.meta.url), 'utf8').replace('CAPE-2026-000102', 'CAPE-2026-000199');
    await expect(readKnownClaims(text)).rejects.toThrow(/checksum/);
  });

  it('refuses what is neither form, in one line', async () => {
    await expect(readKnownClaims('not json')).rejects.toThrow(/not valid JSON/);
    await expect(readKnownClaims('[]')).rejects.toThrow(/expected a JSON object/);
    await expect(readKnownClaims('{"entries": []}')).rejects.toThrow(/expected "claims"/);
  });

  it('a BOM before the JSON is fine', async () => {
    expect(await readKnownClaims('\uFEFF{"claims":[{"claimNumber":"C1","entries":["ABC-1234567-6"]}]}')).toEqual(new Map([['ABC12345676', ['C1']]]));
  });
});
