import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PublicVerification } from '../../../shared/contracts/pledges.contract.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { verifyById, verifyPdf } from './documents.service.js';

const PUBLIC_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };

/** Public verification of signed pledges: no account, no identifiers beyond what the QR code carries. */
export function verifyRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/public/verify/:id', { config: PUBLIC_LIMIT, schema: { tags: ['public'], summary: 'Periksa keaslian tanda tangan (dari kode QR)', params: z.object({ id: z.string().max(64) }), response: { 200: PublicVerification } } }, async (request) =>
      z.uuid().safeParse(request.params.id).success ? verifyById(deps, request.params.id) : verifyById(deps, '00000000-0000-0000-0000-000000000000'),
    );
    r.post('/public/verify', { config: PUBLIC_LIMIT, schema: { tags: ['public'], summary: 'Unggah PDF untuk memeriksa bahwa dokumen tidak diubah', consumes: ['multipart/form-data'], response: { 200: PublicVerification } } }, async (request) => {
      if (!request.isMultipart()) throw new AppError('BAD_REQUEST', null, 'Unggah berkas PDF sebagai multipart/form-data.');
      const part = await request.file({ limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
      if (!part) throw new AppError('VALIDATION_FAILED', { file: 'Pilih berkas PDF.' });
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', { maxBytes: 10 * 1024 * 1024 });
      return verifyPdf(deps, bytes);
    });
  };
}

/** The public key anyone can use to check signature records: /.well-known/netra-signing-key */
export function wellKnownRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    app.get('/.well-known/netra-signing-key', async () => ({ algorithm: 'Ed25519', keyId: deps.signingKey.keyId, publicKeyPem: deps.signingKey.publicKeyPem }));
  };
}
