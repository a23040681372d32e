/** Web Worker for the self-hosted proof of work: altcha-lib's solver with WebCrypto PBKDF2 (no network). */
import { handler } from 'altcha-lib/workers/shared';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';

handler({ deriveKey });
