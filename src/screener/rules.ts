/**
 * Rules layer: watchlist references (names, nicknames, acronyms, parties, slogans, hashtags, accounts,
 * pair numbers, gesture emoji), calls to vote near a reference, campaign-event invitations and hoax
 * claims. Every hit explains itself with a span of the ORIGINAL text and an Indonesian reason.
 * It also produces the camp-independent token stream for the classifiers: candidate-specific tokens
 * become placeholders (⟨calon⟩, ⟨nomor_pasangan⟩ …) so a post's score cannot depend on which camp it
 * supports.
 */
import type { NormalisedText, Token } from './normalise.js';
import { GESTURE_EMOJI, NUMBER_WORDS } from './slang.js';
import { matchPhrases, type CompiledWatchlist, type Entry, type EntryKind } from './watchlist.js';

export type RuleId =
  | 'candidate_name'
  | 'candidate_nickname'
  | 'acronym'
  | 'party'
  | 'slogan'
  | 'campaign_hashtag'
  | 'campaign_account'
  | 'pair_number'
  | 'gesture'
  | 'vote_call'
  | 'campaign_event'
  | 'hoax_claim';

export interface RuleHit {
  readonly rule: RuleId;
  readonly signal: 'partisan' | 'hoax';
  /** Pair the hit refers to, if any. */
  readonly pair: number | null;
  /** Offsets into the original text. */
  readonly start: number;
  readonly end: number;
  /** 0–1: how strongly the hit alone points at a candidate (or at the hoax claim). */
  readonly strength: number;
  /** Indonesian explanation shown to the reviewer. */
  readonly why: string;
  /** A negated call ("jangan pilih …"): still partisan, against a pair. */
  readonly negated?: boolean;
  /** Hoax claim id for hoax hits. */
  readonly claim?: string;
}

export interface RulesResult {
  readonly hits: RuleHit[];
  /** Camp-independent tokens for the classifiers (placeholders instead of candidate references). */
  readonly featureTokens: string[];
  /** Original-text span [start, end] of each feature token (a placeholder spans its whole phrase). */
  readonly featureSpans: [number, number][];
  /** One token per kind of rule that fired ("⟨r:vote_call⟩"), added to the classifier features. */
  readonly ruleFeatures: string[];
  /** Dominant pair of the post (highest summed strength), or null when none or tied. */
  readonly pair: number | null;
  /** 0–1: best hoax-claim match (share of its keywords found), 0 when no claim reaches its minimum. */
  readonly hoax: number;
  /** Does the post talk about an election at all (any hit or election vocabulary)? */
  readonly electionContext: boolean;
}

export const PLACEHOLDER = {
  candidate: '⟨calon⟩',
  party: '⟨partai⟩',
  slogan: '⟨slogan⟩',
  hashtag: '⟨tagar_kampanye⟩',
  account: '⟨akun_kampanye⟩',
  mention: '⟨mention⟩',
  pairNumber: '⟨nomor_pasangan⟩',
  gesture: '⟨gestur_pasangan⟩',
} as const;

/** Placeholders of watchlist references (everything but the generic ⟨mention⟩, the only one without a watchlist). */
const CAMP_PLACEHOLDERS: ReadonlySet<string> = new Set([PLACEHOLDER.candidate, PLACEHOLDER.party, PLACEHOLDER.slogan, PLACEHOLDER.hashtag, PLACEHOLDER.account, PLACEHOLDER.pairNumber, PLACEHOLDER.gesture]);

/**
 * The text the hate model takes its character n-grams from: the original text with the span of every
 * watchlist reference (candidate, party, slogan, campaign hashtag/account, pair number, gesture)
 * replaced by a space, so that the hate and abusive scores do not depend on the camp either. Without a
 * watchlist (the hate-speech training data) there is no such span and the text is returned as is.
 */
export function campNeutralSource(source: string, rules: RulesResult): string {
  let out = '';
  let last = 0;
  rules.featureTokens.forEach((t, i) => {
    if (!CAMP_PLACEHOLDERS.has(t)) return;
    const [start, end] = rules.featureSpans[i]!;
    if (start < last) return;
    out += source.slice(last, start) + ' ';
    last = end;
  });
  return last === 0 ? source : out + source.slice(last);
}

const KIND_RULE: Record<Exclude<EntryKind, 'hoax'>, { rule: RuleId; strength: number; placeholder: string; what: string }> = {
  name: { rule: 'candidate_name', strength: 1, placeholder: PLACEHOLDER.candidate, what: 'Nama calon' },
  nickname: { rule: 'candidate_nickname', strength: 0.5, placeholder: PLACEHOLDER.candidate, what: 'Nama panggilan calon' },
  acronym: { rule: 'acronym', strength: 0.8, placeholder: PLACEHOLDER.candidate, what: 'Singkatan/akronim pasangan' },
  party: { rule: 'party', strength: 0.6, placeholder: PLACEHOLDER.party, what: 'Partai pengusung' },
  slogan: { rule: 'slogan', strength: 1, placeholder: PLACEHOLDER.slogan, what: 'Slogan kampanye' },
  hashtag: { rule: 'campaign_hashtag', strength: 1, placeholder: PLACEHOLDER.hashtag, what: 'Tagar kampanye' },
  account: { rule: 'campaign_account', strength: 1, placeholder: PLACEHOLDER.account, what: 'Akun kampanye' },
};
const KIND_PRIORITY: EntryKind[] = ['hashtag', 'name', 'slogan', 'acronym', 'account', 'party', 'nickname'];

/** Verbs of a call to vote; a hit needs a pair reference within VOTE_WINDOW tokens. */
const VOTE_VERBS = new Set(['coblos', 'pilih', 'dukung', 'menangkan', 'contreng', 'centang', 'menang', 'lanjutkan', 'kawal', 'coblosan', 'memilih', 'mendukung', 'memenangkan', 'mencoblos']);
const VOTE_WINDOW = 5;
const NEGATIONS = new Set(['tidak', 'jangan', 'bukan', 'haram', 'stop', 'tolak']);
/** Words before a number that make it a ballot number ("nomor urut 2", "paslon 2"). */
const PAIR_KEYWORDS_STRONG = new Set(['urut', 'paslon', 'pasangan', 'calon', 'salam']);
const INVITE_WORDS = new Set(['hadiri', 'hadir', 'hadirilah', 'datang', 'datanglah', 'ikuti', 'ikut', 'ramaikan', 'meriahkan', 'saksikan', 'gabung', 'bergabung', 'ayo', 'yuk', 'mari', 'undangan', 'mengundang', 'diundang']);
const EVENT_WORDS = new Set(['kampanye', 'deklarasi', 'pemenangan', 'relawan', 'konsolidasi', 'orasi']);
const EVENT_WINDOW = 6;
const ELECTION_WORDS = new Set(['pilkada', 'pemilu', 'pilpres', 'pileg', 'pilbup', 'pilgub', 'pilwalkot', 'paslon', 'kampanye', 'tps', 'kpu', 'bawaslu', 'calon', 'capres', 'cawapres', 'caleg', 'timses', 'pencoblosan', 'pemilihan', 'surat suara', 'debat', 'nomor urut', 'urut', 'quick', 'deklarasi', 'relawan', 'pemenangan']);

const quote = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;
const pairName = (pair: number) => `pasangan nomor urut ${String(pair).padStart(2, '0')}`;

function pickEntry(entries: readonly Entry[]): Entry {
  let best = entries[0]!;
  for (const e of entries) if (KIND_PRIORITY.indexOf(e.kind) < KIND_PRIORITY.indexOf(best.kind)) best = e;
  return best;
}

function isUpperCaseSpan(source: string, start: number, end: number): boolean {
  const s = source.slice(start, end);
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

/** Value of a token as a ballot number (digits of at most 2 characters, or a number word), else null. */
function numberValue(t: Token): number | null {
  if (t.kind === 'number') return t.text.length <= 2 ? Number(t.text) : null;
  return NUMBER_WORDS.get(t.text) ?? null;
}

interface Ref {
  pair: number;
  strength: number;
}

/** Applies the rules to a normalised post. Without a watchlist only generic features are produced. */
export function applyRules(norm: NormalisedText, compiled: CompiledWatchlist | null): RulesResult {
  const tokens = norm.tokens;
  const n = tokens.length;
  const hits: RuleHit[] = [];
  const placeholder: (string | null)[] = new Array<string | null>(n).fill(null);
  const refAt: (Ref | null)[] = new Array<Ref | null>(n).fill(null);
  const span = (first: number, last: number) => ({ start: tokens[first]!.start, end: tokens[last - 1]!.end });
  const text = (first: number, last: number) => {
    const s = span(first, last);
    return norm.source.slice(s.start, s.end);
  };
  const markRef = (first: number, last: number, pair: number, strength: number, ph: string) => {
    for (let k = first; k < last; k++) {
      placeholder[k] = k === first ? ph : '';
      refAt[k] = { pair, strength };
    }
  };

  if (compiled) {
    // 1. Watchlist phrases, longest first.
    for (const m of matchPhrases(compiled.root, tokens)) {
      const entry = pickEntry(m.entries);
      if (entry.kind === 'hoax' || entry.pair === null) continue;
      const inHashtag = tokens[m.first]!.hashtag >= 0;
      // Acronyms are often ordinary words ("BERSAMA", "MAJU"): only capitals or hashtags count.
      if (entry.kind === 'acronym' && !inHashtag && !isUpperCaseSpan(norm.source, span(m.first, m.last).start, span(m.first, m.last).end)) continue;
      const meta = KIND_RULE[entry.kind];
      markRef(m.first, m.last, entry.pair, meta.strength, meta.placeholder);
      hits.push({ rule: meta.rule, signal: 'partisan', pair: entry.pair, ...span(m.first, m.last), strength: meta.strength, why: `${meta.what} ${pairName(entry.pair)}: ${quote(text(m.first, m.last))}` });
    }
    // 2. Campaign hashtags written in one lower-case word (#budisari01).
    for (const h of norm.hashtags) {
      const entry = compiled.hashtags.get(h.compact);
      if (!entry || entry.pair === null || h.last <= h.first || refAt[h.first]?.strength === 1) continue;
      markRef(h.first, h.last, entry.pair, 1, PLACEHOLDER.hashtag);
      hits.push({ rule: 'campaign_hashtag', signal: 'partisan', pair: entry.pair, start: h.start, end: h.end, strength: 1, why: `Tagar kampanye ${pairName(entry.pair)}: ${quote(norm.source.slice(h.start, h.end))}` });
    }
  }

  // Weak references ("nomor 2", a bare "2") only count in a post that talks about an election:
  // "pilih menu nomor 2" is not a call to vote.
  let electionWords = false;
  for (let i = 0; i < n && !electionWords; i++) electionWords = ELECTION_WORDS.has(tokens[i]!.text);
  const strongEnough = (strength: number) => strength >= 0.5 || (electionWords && strength >= 0.1);

  // 3. Handles, pair numbers and gesture emoji.
  const pairNumbers = compiled?.pairNumbers;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.kind === 'handle') {
      const entry = compiled?.accounts.get(t.text);
      if (entry && entry.pair !== null) {
        markRef(i, i + 1, entry.pair, 1, PLACEHOLDER.account);
        hits.push({ rule: 'campaign_account', signal: 'partisan', pair: entry.pair, start: t.start, end: t.end, strength: 1, why: `Akun kampanye ${pairName(entry.pair)}: ${quote(t.text)}` });
      } else placeholder[i] = PLACEHOLDER.mention;
      continue;
    }
    if (placeholder[i] !== null || !pairNumbers) continue;
    if (t.kind === 'emoji') {
      const pair = GESTURE_EMOJI.get(t.text);
      if (pair !== undefined && pairNumbers.has(pair)) {
        markRef(i, i + 1, pair, 0.8, PLACEHOLDER.gesture);
        hits.push({ rule: 'gesture', signal: 'partisan', pair, start: t.start, end: t.end, strength: 0.8, why: `Emoji gestur jari yang menandai ${pairName(pair)}: ${quote(t.text)}` });
      }
      continue;
    }
    const value = numberValue(t);
    if (value === null || !pairNumbers.has(value)) continue;
    const prev = tokens[i - 1]?.text;
    const prev2 = tokens[i - 2]?.text;
    const next = tokens[i + 1]?.text;
    const isDigits = t.kind === 'number';
    let strength = 0;
    if ((prev && PAIR_KEYWORDS_STRONG.has(prev)) || (prev === 'nomor' && prev2 && PAIR_KEYWORDS_STRONG.has(prev2)) || next === 'jari') strength = 0.9;
    else if (prev === 'nomor' || (prev2 === 'nomor' && prev === 'urut')) strength = 0.4;
    else if (isDigits && t.hashtag >= 0) strength = 0.6;
    else if (isDigits && t.text.length === 2 && t.text.startsWith('0')) strength = 0.5;
    else if (isDigits) strength = 0.1;
    if (strength === 0) continue; // number words outside a ballot context stay ordinary words
    placeholder[i] = PLACEHOLDER.pairNumber;
    refAt[i] = { pair: value, strength };
    if (strength >= 0.5 || (electionWords && strength >= 0.4)) {
      const first = prev === 'nomor' || prev === 'urut' || prev === 'paslon' ? i - 1 : i;
      hits.push({ rule: 'pair_number', signal: 'partisan', pair: value, ...span(first, i + 1), strength, why: `Rujukan nomor urut ${pairName(value)}: ${quote(text(first, i + 1))}` });
    }
  }

  // 4. Calls to vote near a pair reference; campaign-event invitations.
  let electionContext = hits.length > 0 || electionWords;
  for (let i = 0; i < n; i++) {
    const w = tokens[i]!.text;
    if (VOTE_VERBS.has(w) && refAt[i] === null) {
      let best: { k: number; ref: Ref } | null = null;
      for (let k = Math.max(0, i - VOTE_WINDOW); k <= Math.min(n - 1, i + VOTE_WINDOW); k++) {
        const ref = refAt[k];
        // The nearest reference wins ("coblos paslon 02 #SukamajuMaju02" → "coblos paslon 02").
        if (ref && strongEnough(ref.strength) && (!best || Math.abs(k - i) < Math.abs(best.k - i))) best = { k, ref };
      }
      if (best) {
        const negated = NEGATIONS.has(tokens[i - 1]?.text ?? '') || NEGATIONS.has(tokens[i - 2]?.text ?? '');
        const first = Math.min(i, best.k);
        const last = Math.max(i, best.k) + 1;
        const strength = Math.min(1, 0.5 + best.ref.strength);
        const what = negated ? 'Ajakan untuk tidak memilih' : 'Ajakan memilih/mendukung';
        hits.push({ rule: 'vote_call', signal: 'partisan', pair: best.ref.pair, ...span(first, last), strength, why: `${what} ${pairName(best.ref.pair)}: ${quote(text(first, last))}`, ...(negated ? { negated } : {}) });
      }
    }
    if (EVENT_WORDS.has(w)) {
      for (let k = Math.max(0, i - EVENT_WINDOW); k <= Math.min(n - 1, i + EVENT_WINDOW); k++) {
        if (!INVITE_WORDS.has(tokens[k]!.text)) continue;
        const first = Math.min(i, k);
        const last = Math.max(i, k) + 1 + (tokens[i + 1]?.text === 'akbar' && k < i ? 1 : 0);
        const nearRef = refAt.some((r) => r !== null);
        const pair = nearRef ? dominantPair(refAt) : null;
        hits.push({ rule: 'campaign_event', signal: 'partisan', pair, ...span(first, Math.min(last, n)), strength: nearRef ? 0.9 : 0.6, why: `Ajakan menghadiri kegiatan kampanye: ${quote(text(first, Math.min(last, n)))}` });
        break;
      }
    }
  }

  // 5. Hoax claims: enough of a claim's keywords in the post.
  let hoax = 0;
  if (compiled && compiled.hoaxClaims.length) {
    const found = new Map<string, Map<number, { first: number; last: number }>>();
    for (const m of matchPhrases(compiled.hoaxRoot, tokens)) {
      for (const e of m.entries) {
        if (e.claim === undefined || e.keyword === undefined) continue;
        let byKeyword = found.get(e.claim);
        if (!byKeyword) found.set(e.claim, (byKeyword = new Map()));
        if (!byKeyword.has(e.keyword)) byKeyword.set(e.keyword, { first: m.first, last: m.last });
      }
    }
    for (const claim of compiled.hoaxClaims) {
      const byKeyword = found.get(claim.id);
      if (!byKeyword || byKeyword.size < claim.minKeywords) continue;
      const strength = byKeyword.size / claim.keywords;
      hoax = Math.max(hoax, strength);
      electionContext = true;
      for (const { first, last } of byKeyword.values()) {
        hits.push({ rule: 'hoax_claim', signal: 'hoax', pair: null, ...span(first, last), strength, claim: claim.id, why: `Cocok dengan klaim hoaks ${claim.id} (${byKeyword.size}/${claim.keywords} kata kunci): ${quote(claim.claim)}` });
      }
    }
  }

  const featureTokens: string[] = [];
  const featureSpans: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const p = placeholder[i] ?? null;
    const t = tokens[i]!;
    if (p === null) {
      featureTokens.push(t.text);
      featureSpans.push([t.start, t.end]);
    } else if (p !== '') {
      featureTokens.push(p);
      featureSpans.push([t.start, t.end]);
    } else if (featureSpans.length) featureSpans[featureSpans.length - 1]![1] = t.end;
  }
  const ruleFeatures = [...new Set(hits.map((h) => `⟨r:${h.rule}${h.negated ? '_neg' : ''}⟩`))];
  // Neutral news often lists several pairs; campaigning usually names one (or one against another).
  const pairsNamed = new Set(hits.filter((h) => h.pair !== null).map((h) => h.pair)).size;
  if (pairsNamed >= 2) ruleFeatures.push('⟨r:pairs_2+⟩');
  if (pairsNamed >= 3) ruleFeatures.push('⟨r:pairs_3+⟩');
  ruleFeatures.sort();
  hits.sort((a, b) => a.start - b.start || b.end - a.end || a.rule.localeCompare(b.rule));
  return { hits, featureTokens, featureSpans, ruleFeatures, pair: dominantPairOfHits(hits), hoax, electionContext };
}

function dominantPair(refs: readonly (Ref | null)[]): number | null {
  const weights = new Map<number, number>();
  for (const r of refs) if (r) weights.set(r.pair, (weights.get(r.pair) ?? 0) + r.strength);
  return argmax(weights);
}

function dominantPairOfHits(hits: readonly RuleHit[]): number | null {
  const weights = new Map<number, number>();
  for (const h of hits) if (h.pair !== null && h.signal === 'partisan') weights.set(h.pair, (weights.get(h.pair) ?? 0) + h.strength);
  return argmax(weights);
}

function argmax(weights: Map<number, number>): number | null {
  let best: number | null = null;
  let bestW = 0;
  let tie = false;
  for (const [pair, w] of [...weights].sort((a, b) => a[0] - b[0])) {
    if (w > bestW + 1e-9) {
      best = pair;
      bestW = w;
      tie = false;
    } else if (Math.abs(w - bestW) <= 1e-9) tie = true;
  }
  return tie ? null : best;
}
