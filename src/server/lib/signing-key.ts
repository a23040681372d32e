/**
 * The server's Ed25519 key that signs pledge records. The public key is published at
 * /.well-known/netra-signing-key so anyone can check a signature without trusting Netra's UI.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface SigningKey {
  keyId: string;
  publicKeyPem: string;
  sign(data: string): string;
  verify(data: string, signature: string): boolean;
}

function fromPrivateKey(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return {
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sign: (data) => sign(null, Buffer.from(data), privateKey).toString('base64'),
    verify: (data, signature) => {
      try {
        return verify(null, Buffer.from(data), publicKey, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

/** The key from PLEDGE_SIGNING_KEY, else the one kept in DATA_DIR/keys (created on first use). */
export function loadSigningKey(config: Pick<Config, 'PLEDGE_SIGNING_KEY' | 'DATA_DIR'>): SigningKey {
  if (config.PLEDGE_SIGNING_KEY) {
    const der = Buffer.concat([PKCS8_ED25519_PREFIX, Buffer.from(config.PLEDGE_SIGNING_KEY, 'base64')]);
    return fromPrivateKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
  }
  const file = join(config.DATA_DIR, 'keys', 'pledge-ed25519.pem');
  if (!existsSync(file)) {
    mkdirSync(join(config.DATA_DIR, 'keys'), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  }
  return fromPrivateKey(createPrivateKey(readFileSync(file)));
}
