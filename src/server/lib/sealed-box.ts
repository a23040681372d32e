/**
 * Envelope encryption for values a database reader must not see (a rahasia reporter's identity, a
 * reporter's contact address, original evidence bytes that carry EXIF/GPS): every value gets its own
 * random data key (DEK, AES-256-GCM); the DEK is wrapped with the key-encryption key (KEK) from
 * REPORT_SEALING_KEY or DATA_DIR/keys. A database dump alone therefore reveals nothing; rotating the
 * KEK means re-wrapping DEKs only. `context` is bound as additional data, so a sealed value copied to
 * another row (or another column) fails to open.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';

interface Envelope {
  v: 1;
  /** Which KEK wrapped the DEK (HMAC of the KEK, not the KEK). */
  kid: string;
  /** The wrapped DEK: iv.ciphertext.tag, base64 each. */
  dek: string;
  iv: string;
  ct: string;
  tag: string;
}

function gcmSeal(key: Buffer, plain: Buffer, aad: string): { iv: Buffer; ct: Buffer; tag: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
  const ct = cipher.update(plain);
  const rest = cipher.final(); // empty for GCM (a stream mode): no copy of the whole ciphertext
  return { iv, ct: rest.length ? Buffer.concat([ct, rest]) : ct, tag: cipher.getAuthTag() };
}

function gcmOpen(key: Buffer, iv: Buffer, ct: Buffer, tag: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad)).setAuthTag(tag);
  const plain = decipher.update(ct);
  const rest = decipher.final(); // checks the tag; empty for GCM
  return rest.length ? Buffer.concat([plain, rest]) : plain;
}

const b64 = (b: Buffer) => b.toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');

export interface SealedBox {
  keyId: string;
  /** Encrypts a string; the result is versioned JSON text. */
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
  /** Binary form for files: a 4-byte header length, the JSON header (without ct), then the ciphertext. */
  sealBytes(plain: Buffer, context: string): Buffer;
  /**
   * The same bytes as `sealBytes`, as two parts (length + header, ciphertext) for a vectored write:
   * the ciphertext is not copied once more into one buffer.
   */
  sealBytesParts(plain: Buffer, context: string): [Buffer, Buffer];
  openBytes(sealed: Buffer, context: string): Buffer;
}

/** A SealedBox around a 32-byte KEK. */
export function createSealedBox(kek: Buffer): SealedBox {
  if (kek.length !== 32) throw new Error('REPORT_SEALING_KEY must be 32 bytes');
  const kid = createHmac('sha256', kek).update('netra-kek-id').digest('hex').slice(0, 16);
  const wrap = (dek: Buffer) => {
    const w = gcmSeal(kek, dek, `kek:${kid}`);
    return [w.iv, w.ct, w.tag].map(b64).join('.');
  };
  const unwrap = (env: Pick<Envelope, 'kid' | 'dek'>) => {
    if (env.kid !== kid) throw new Error(`sealed with unknown key ${env.kid}`);
    const [iv, ct, tag] = env.dek.split('.').map(unb64);
    return gcmOpen(kek, iv!, ct!, tag!, `kek:${kid}`);
  };
  const sealToEnvelope = (plain: Buffer, context: string): Envelope => {
    const dek = randomBytes(32);
    const data = gcmSeal(dek, plain, context);
    return { v: 1, kid, dek: wrap(dek), iv: b64(data.iv), ct: b64(data.ct), tag: b64(data.tag) };
  };
  // Files: the ciphertext stays binary (no base64 round trip of a megabyte); the header is the
  // envelope with `ct: ''`, in the same key order as before, so the format on disk is unchanged.
  const sealParts = (plain: Buffer, context: string): [Buffer, Buffer] => {
    const dek = randomBytes(32);
    const data = gcmSeal(dek, plain, context);
    const header = Buffer.from(JSON.stringify({ v: 1, kid, dek: wrap(dek), iv: b64(data.iv), ct: '', tag: b64(data.tag) } satisfies Envelope));
    const prefix = Buffer.allocUnsafe(4 + header.length);
    prefix.writeUInt32BE(header.length, 0);
    header.copy(prefix, 4);
    return [prefix, data.ct];
  };
  return {
    keyId: kid,
    seal: (plain, context) => JSON.stringify(sealToEnvelope(Buffer.from(plain, 'utf8'), context)),
    open: (sealed, context) => {
      const env = JSON.parse(sealed) as Envelope;
      if (env.v !== 1) throw new Error(`unknown sealed-box version ${String(env.v)}`);
      return gcmOpen(unwrap(env), unb64(env.iv), unb64(env.ct), unb64(env.tag), context).toString('utf8');
    },
    sealBytes: (plain, context) => Buffer.concat(sealParts(plain, context)),
    sealBytesParts: sealParts,
    openBytes: (sealed, context) => {
      const headerLength = sealed.readUInt32BE(0);
      const env = JSON.parse(sealed.subarray(4, 4 + headerLength).toString()) as Envelope;
      return gcmOpen(unwrap(env), unb64(env.iv), sealed.subarray(4 + headerLength), unb64(env.tag), context);
    },
  };
}

/**
 * A 32-byte secret from DATA_DIR/keys/<name> (created on first use, mode 0600). Fine for one server;
 * several servers sharing a database must set the secret in config instead.
 */
export function loadOrCreateSecret(dataDir: string, name: string): Buffer {
  const file = join(dataDir, 'keys', name);
  if (!existsSync(file)) {
    mkdirSync(join(dataDir, 'keys'), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/** The sealed box for reports: REPORT_SEALING_KEY, else DATA_DIR/keys/report-sealing.key. */
export function loadSealedBox(config: Pick<Config, 'REPORT_SEALING_KEY' | 'DATA_DIR'>): SealedBox {
  const kek = config.REPORT_SEALING_KEY ? Buffer.from(config.REPORT_SEALING_KEY, 'base64') : loadOrCreateSecret(config.DATA_DIR, 'report-sealing.key');
  return createSealedBox(kek);
}
