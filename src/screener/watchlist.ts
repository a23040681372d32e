/**
 * The watchlist of one election contest (documented JSON format `netra.watchlist/v1`) and its compiled
 * matcher: every phrase is normalised with the same normaliser as the posts and stored in a token
 * trie, so matching a post is one walk over its tokens (no regex, no backtracking).
 */
import { z } from 'zod';
import { normalise } from './normalise.js';
import { NUMBER_WORDS } from './slang.js';

const Phrase = z.string().trim().min(1).max(200);
const Phrases = z.array(Phrase).max(500).default([]);

export const WatchlistCandidateSchema = z.object({
  /** Full name as on the ballot ("Budi Santoso"). */
  name: Phrase,
  /** Nicknames and short forms ("Pak Budi", "Kang Budi"); weaker references than the full name. */
  nicknames: Phrases,
  /** "kepala" (bupati/wali kota/gubernur) or "wakil". */
  role: z.enum(['kepala', 'wakil']).optional(),
});

export const WatchlistPairSchema = z.object({
  /** Ballot number (nomor urut) of the pair. */
  number: z.number().int().min(1).max(99),
  /** Display label ("Budi–Sari"). */
  label: Phrase,
  candidates: z.array(WatchlistCandidateSchema).min(1).max(2),
  /** Initials and acronyms ("BERSAMA", "BuSa"); counted only in capitals or inside a hashtag. */
  acronyms: Phrases,
  /** Supporting parties (names and abbreviations). */
  parties: Phrases,
  /** Campaign slogans and taglines. */
  slogans: Phrases,
  /** Campaign hashtags, with or without '#'. */
  hashtags: Phrases,
  /** Campaign and candidate accounts, with or without '@'. */
  accounts: Phrases,
});

export const HoaxClaimSchema = z.object({
  /** Stable id of the claim ("HOAKS-01"). */
  id: z.string().trim().min(1).max(64),
  /** The claim as the Satgas records it. */
  claim: Phrase,
  /** Key phrases of the claim; a post matches when it contains at least `min_keywords` of them. */
  keywords: z.array(Phrase).min(1).max(50),
  /** Default: all keywords when there are at most 2, else ⌈¾ of them⌉. */
  min_keywords: z.number().int().min(1).optional(),
});

export const WatchlistSchema = z.object({
  format: z.literal('netra.watchlist/v1'),
  election: z.object({
    /** Stable id of the contest ("pilkada-sukamaju-2029-bupati"). */
    id: z.string().trim().min(1).max(100),
    /** Display name ("Pilkada Kabupaten Sukamaju 2029 — Bupati dan Wakil Bupati"). */
    name: Phrase,
    /** Date of penetapan calon (YYYY-MM-DD): acts before it are kode etik, on/after it disiplin. */
    penetapan_calon_on: z.iso.date().optional(),
  }),
  pairs: z.array(WatchlistPairSchema).min(1).max(20),
  hoax_claims: z.array(HoaxClaimSchema).max(500).default([]),
});

export type Watchlist = z.infer<typeof WatchlistSchema>;
export type WatchlistInput = z.input<typeof WatchlistSchema>;

/** What a watchlist phrase is; decides its placeholder and its rule strength. */
export type EntryKind = 'name' | 'nickname' | 'acronym' | 'party' | 'slogan' | 'hashtag' | 'account' | 'hoax';

export interface Entry {
  readonly kind: EntryKind;
  /** Pair number, or null for hoax keywords. */
  readonly pair: number | null;
  /** The phrase as written in the watchlist. */
  readonly phrase: string;
  /** Number of tokens of the normalised phrase. */
  readonly length: number;
  /** Hoax claim id and keyword index, for hoax keywords. */
  readonly claim?: string;
  readonly keyword?: number;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  entries: Entry[];
}

export interface CompiledHoaxClaim {
  readonly id: string;
  readonly claim: string;
  readonly keywords: number;
  readonly minKeywords: number;
}

export interface CompiledWatchlist {
  readonly watchlist: Watchlist;
  /** Candidate phrases (names, nicknames, acronyms, parties, slogans, hashtags). */
  readonly root: TrieNode;
  /** Hoax-claim keywords, kept apart so a long keyword never hides a candidate name. */
  readonly hoaxRoot: TrieNode;
  /** Hashtags by compact form ("budisari01"), for hashtags written in lower case. */
  readonly hashtags: ReadonlyMap<string, Entry>;
  /** Accounts by lower-case handle with '@'. */
  readonly accounts: ReadonlyMap<string, Entry>;
  /** Ballot numbers of the pairs. */
  readonly pairNumbers: ReadonlySet<number>;
  readonly hoaxClaims: readonly CompiledHoaxClaim[];
  /** Phrases that will match ordinary words; shown to whoever loads the watchlist. */
  readonly warnings: readonly string[];
}

export class WatchlistError extends Error {
  constructor(
    readonly code: 'WATCHLIST_INVALID',
    /** Indonesian message for the user. */
    readonly userMessage: string,
    readonly issues: string[],
  ) {
    super(`${userMessage}: ${issues.join('; ')}`);
  }
}

/** Validates watchlist JSON (already parsed); throws WatchlistError listing every problem. */
export function parseWatchlist(value: unknown): Watchlist {
  const parsed = WatchlistSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(akar)'}: ${i.message}`);
    throw new WatchlistError('WATCHLIST_INVALID', 'Format watchlist tidak valid', issues);
  }
  const numbers = parsed.data.pairs.map((p) => p.number);
  if (new Set(numbers).size !== numbers.length) {
    throw new WatchlistError('WATCHLIST_INVALID', 'Format watchlist tidak valid', ['pairs: nomor urut pasangan harus unik']);
  }
  return parsed.data;
}

function insert(root: TrieNode, tokens: string[], entry: Entry): void {
  let node = root;
  for (const t of tokens) {
    let child = node.next.get(t);
    if (!child) {
      child = { next: new Map(), entries: [] };
      node.next.set(t, child);
    }
    node = child;
  }
  node.entries.push(entry);
}

const phraseTokens = (phrase: string) => normalise(phrase).tokens.map((t) => t.text);

/** Compiles a validated watchlist into the matcher used by the rules layer. */
export function compileWatchlist(watchlist: Watchlist): CompiledWatchlist {
  const root: TrieNode = { next: new Map(), entries: [] };
  const hoaxRoot: TrieNode = { next: new Map(), entries: [] };
  const hashtags = new Map<string, Entry>();
  const accounts = new Map<string, Entry>();
  const warnings: string[] = [];
  const add = (kind: EntryKind, pair: number | null, phrase: string, extra: Partial<Entry> = {}) => {
    const tokens = phraseTokens(phrase);
    if (tokens.length === 0) {
      warnings.push(`"${phrase}" kosong setelah normalisasi dan diabaikan`);
      return;
    }
    if (tokens.length === 1 && tokens[0]!.length <= 2 && kind !== 'hashtag' && kind !== 'account') {
      warnings.push(`"${phrase}" sangat pendek dan dapat cocok dengan kata biasa`);
    }
    insert(kind === 'hoax' ? hoaxRoot : root, tokens, { kind, pair, phrase, length: tokens.length, ...extra });
  };
  for (const pair of watchlist.pairs) {
    // The pair's label ("Budi–Sari") is itself a reference to the pair.
    add('name', pair.number, pair.label);
    for (const c of pair.candidates) {
      add('name', pair.number, c.name);
      for (const n of c.nicknames) add('nickname', pair.number, n);
    }
    for (const a of pair.acronyms) add('acronym', pair.number, a);
    for (const p of pair.parties) add('party', pair.number, p);
    for (const s of pair.slogans) add('slogan', pair.number, s);
    for (const h of pair.hashtags) {
      const tag = h.startsWith('#') ? h : `#${h}`;
      const n = normalise(tag);
      const compact = n.hashtags[0]?.compact;
      const entry: Entry = { kind: 'hashtag', pair: pair.number, phrase: tag, length: n.tokens.length };
      if (compact) hashtags.set(compact, entry);
      if (n.tokens.length) insert(root, n.tokens.map((t) => t.text), entry);
    }
    for (const a of pair.accounts) {
      const handle = (a.startsWith('@') ? a : `@${a}`).toLowerCase();
      accounts.set(handle, { kind: 'account', pair: pair.number, phrase: handle, length: 1 });
    }
  }
  const hoaxClaims: CompiledHoaxClaim[] = [];
  for (const claim of watchlist.hoax_claims) {
    claim.keywords.forEach((k, i) => add('hoax', null, k, { claim: claim.id, keyword: i }));
    const n = claim.keywords.length;
    hoaxClaims.push({ id: claim.id, claim: claim.claim, keywords: n, minKeywords: Math.min(n, claim.min_keywords ?? (n <= 2 ? n : Math.ceil(n * 0.75))) });
  }
  for (const num of watchlist.pairs.map((p) => p.number)) {
    if (![...NUMBER_WORDS.values()].includes(num) && num > 9) warnings.push(`nomor urut ${num} tidak punya kata bilangan; hanya angka yang dikenali`);
  }
  return { watchlist, root, hoaxRoot, hashtags, accounts, pairNumbers: new Set(watchlist.pairs.map((p) => p.number)), hoaxClaims, warnings };
}

/** A watchlist phrase found in a post: token range [first, last) and the entries that end there. */
export interface PhraseMatch {
  readonly first: number;
  readonly last: number;
  readonly entries: readonly Entry[];
}

/**
 * Finds watchlist phrases in a token list: at each position the longest phrase wins, and the scan
 * continues after it (so "Budi Santoso" is one name, not a name plus a nickname).
 */
export function matchPhrases(root: TrieNode, tokens: readonly { text: string }[]): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (let i = 0; i < tokens.length; ) {
    let node: TrieNode | undefined = root;
    let best: PhraseMatch | null = null;
    for (let j = i; j < tokens.length && node; j++) {
      node = node.next.get(tokens[j]!.text);
      if (node && node.entries.length) best = { first: i, last: j + 1, entries: node.entries };
    }
    if (best) {
      out.push(best);
      i = best.last;
    } else i++;
  }
  return out;
}
