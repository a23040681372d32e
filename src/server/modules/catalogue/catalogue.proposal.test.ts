import { describe, expect, it } from 'vitest';
import { CataloguePublishBody } from '../../../shared/contracts/catalogue.contract.js';
import { chooseItem, phaseOf, type ProposalCandidate } from './catalogue.proposal.js';
import { DEFAULT_CATALOGUE_ITEMS } from './default-catalogue.js';

const parsed = CataloguePublishBody.parse({ title: 'SKB 2022', items: DEFAULT_CATALOGUE_ITEMS }).items;
const positions = new Map<string, number>();
const items: ProposalCandidate[] = parsed.map((i) => {
  const ordinal = (positions.get(i.list) ?? 0) + 1;
  positions.set(i.list, ordinal);
  return { ...i, ordinal };
});
const contest = { name: 'Pemilihan Bupati Contoh', penetapanCalonOn: '2026-09-22' };
const pick = (actKind: Parameters<typeof chooseItem>[1]['actKind'], actDate: string | null) => chooseItem(items, { actKind, actDate, contest: actDate ? contest : null });

describe('catalogue proposal', () => {
  it('the built-in catalogue passes its own publishing rules', () => {
    expect(parsed).toHaveLength(27);
  });

  it('splits on the penetapan day: the day before is bakal calon, the day itself calon', () => {
    expect(phaseOf('2026-09-21', '2026-09-22')).toBe('bakal_calon');
    expect(phaseOf('2026-09-22', '2026-09-22')).toBe('calon');
  });

  it.each([
    ['kampanye_media_sosial', '2026-09-21', 'KE-4', ['KE-2']],
    ['kampanye_media_sosial', '2026-09-22', 'D-6', ['D-2']],
    ['foto_gestur', '2026-09-21', 'KE-5', []],
    ['foto_gestur', '2026-10-01', 'D-7', []],
    ['atribut_peserta', '2026-09-01', 'KE-1', ['PP94-n.2']],
    ['atribut_peserta', '2026-10-01', 'D-1', ['PP94-n.2']],
    ['ikut_kampanye', '2026-09-01', 'KE-6', ['KE-3', 'PP94-n.1']],
    ['dukungan_ktp', '2026-09-01', 'PP94-n.7', []],
    ['dukungan_ktp', '2026-10-01', 'D-11', ['PP94-n.7']],
    ['politik_uang', '2026-10-01', 'D-8', ['PP94-n.6']],
    ['mobilisasi_asn', '2026-09-01', 'D-8', ['PP94-n.6', 'PP94-n.3']],
    ['keputusan_menguntungkan', '2026-09-01', 'D-12', ['PP94-n.5']],
    ['penggunaan_fasilitas', '2026-10-01', 'PP94-n.4', []],
  ] as const)('%s on %s → %s', (actKind, actDate, code, alternatives) => {
    const choice = pick(actKind, actDate);
    expect(choice.item?.code).toBe(code);
    expect(choice.alternatives.map((a) => a.code)).toEqual(alternatives);
  });

  it('without a date proposes only items of any stage', () => {
    expect(pick('kampanye_media_sosial', null).item).toBeNull();
    expect(pick('keputusan_menguntungkan', null).item?.code).toBe('D-12');
  });
});
