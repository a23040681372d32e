import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.js';
import {
  CampaignBody,
  CampaignUpdateBody,
  CampaignView,
  CorrectionBody,
  MyPledge,
  SignatureListItem,
  SignatureListQuery,
  PaperSignatureFields,
  RevokeBody,
  SignatureView,
  SignBody,
  SigningView,
  TemplateBody,
  TemplateView,
} from '../../../shared/contracts/pledges.contract.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { adoptSession, contextOf } from '../../http/session.js';
import { createCampaign, editTemplate, getCampaign, getCampaigns, presentTemplate, updateCampaign } from './campaigns.service.js';
import { downloadSignaturePdf } from './documents.service.js';
import { listCampaignSignatures, recordPaperSignature, revokeSignature } from './paper.service.js';
import { presentSignature } from './pledges.presenter.js';
import { findTemplates, type SignatureRow } from './pledges.repository.js';
import { listMyCampaigns, reportDataCorrection } from './my-pledges.service.js';
import { getSigningView, readSigningState, signPledge } from './signing.service.js';
import { findTenantById } from '../tenants/tenants.repository.js';

// Per session, not per address: a whole office signs from one NAT address during the apel. The route
// reads its session in the handler, after this limit, so the key is the cookie sent (a made-up cookie
// gets its own bucket and then UNAUTHENTICATED, as on any other route).
const SIGN_LIMIT = { max: 30, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => request.sessionTokenHash ?? request.ip };

const KindParams = IdParams.extend({ kind: z.enum(['ikrar', 'pakta']) });

export function pledgeRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const present = async (tenantId: string, s: SignatureRow) => {
      const templates = await findTemplates(deps.db, tenantId, [s.ikrarTemplateId, s.paktaTemplateId]);
      const tz = (await findTenantById(deps.db, tenantId))!.timezone;
      const version = (id: string) => templates.find((t) => t.id === id)!.version;
      return presentSignature(s, { ikrar: version(s.ikrarTemplateId), pakta: version(s.paktaTemplateId) }, tz, deps.config.PUBLIC_URL);
    };

    /** The session and the signing state in one statement, the session checked as the hook would. */
    const signingRead = async (request: FastifyRequest, campaignId: string) => {
      const read = await readSigningState(deps, request.sessionTokenHash, campaignId);
      const ctx = adoptSession(request, read);
      if (!read) throw new AppError('UNAUTHENTICATED'); // not reached: adoptSession needs a live session
      return { ctx, read };
    };

    r.get('/campaigns', { schema: { tags: ['pledges'], summary: 'Kampanye ikrar & pakta', response: { 200: z.object({ items: z.array(CampaignView) }) } } }, async (request) => ({
      items: await getCampaigns(deps.db, contextOf(request)),
    }));
    r.post('/campaigns', { schema: { tags: ['pledges'], summary: 'Buat kampanye (draf, teks bawaan versi 1)', body: CampaignBody, response: { 201: CampaignView } } }, async (request, reply) =>
      reply.status(201).send(await createCampaign(deps.db, contextOf(request), request.body)),
    );
    r.get('/campaigns/:id', { schema: { tags: ['pledges'], params: IdParams, response: { 200: CampaignView } } }, async (request) => getCampaign(deps.db, contextOf(request), request.params.id));
    r.patch('/campaigns/:id', { schema: { tags: ['pledges'], summary: 'Ubah kampanye atau statusnya (draft → open → closed)', params: IdParams, body: CampaignUpdateBody, response: { 200: CampaignView } } }, async (request) =>
      updateCampaign(deps.db, contextOf(request), request.params.id, request.body),
    );
    r.put('/campaigns/:id/templates/:kind', { schema: { tags: ['pledges'], summary: 'Ubah teks ikrar/pakta (versi baru bila sudah ada tanda tangan)', params: KindParams, body: TemplateBody, response: { 200: TemplateView } } }, async (request) =>
      editTemplate(deps.db, contextOf(request), request.params.id, request.params.kind, request.body),
    );

    r.get('/pledges/mine', { schema: { tags: ['pledges'], summary: 'Kampanye yang harus saya tandatangani', response: { 200: z.object({ items: z.array(MyPledge) }) } } }, async (request) => {
      const ctx = contextOf(request);
      const items = await listMyCampaigns(deps, ctx);
      return { items: await Promise.all(items.map(async (i) => ({ ...i, signature: i.signature ? await present(ctx.tenantId, i.signature) : null }))) };
    });

    // The signing page and the signature read the session in their own statement (sessionInHandler).
    r.get('/campaigns/:id/signing', { config: { sessionInHandler: true }, schema: { tags: ['pledges'], summary: 'Teks, identitas dan status tanda tangan saya', params: IdParams, response: { 200: SigningView } } }, async (request) => {
      const { ctx, read } = await signingRead(request, request.params.id);
      const v = await getSigningView(deps, ctx, read, request.params.id);
      return {
        campaign: { id: v.c.campaign.id, name: v.c.campaign.name, signDeadline: v.c.campaign.signDeadline, status: v.c.campaign.status, signingPlace: v.c.campaign.signingPlace },
        ikrar: presentTemplate(v.ikrar),
        pakta: presentTemplate(v.pakta),
        identity: v.identity,
        undertakings: v.undertakings,
        signature: v.signature ? await present(ctx.tenantId, v.signature) : null,
      };
    });

    r.post('/campaigns/:id/sign', { config: { rateLimit: SIGN_LIMIT, sessionInHandler: true }, schema: { tags: ['pledges'], summary: 'Tandatangani ikrar & pakta (idempoten)', params: IdParams, body: SignBody, response: { 200: SignatureView, 201: SignatureView } } }, async (request, reply) => {
      const { ctx, read } = await signingRead(request, request.params.id);
      const { signature, created, presentation: p } = await signPledge(deps, ctx, read, request.params.id, request.body);
      const view = p ? presentSignature(signature, { ikrar: p.ikrarVersion, pakta: p.paktaVersion }, p.timezone, deps.config.PUBLIC_URL) : await present(ctx.tenantId, signature);
      return reply.status(created ? 201 : 200).send(view);
    });

    r.post('/campaigns/:id/corrections', { schema: { tags: ['pledges'], summary: 'Laporkan data kepegawaian saya yang salah', params: IdParams, body: CorrectionBody, response: { 201: z.object({ id: z.uuid() }) } } }, async (request, reply) =>
      reply.status(201).send(await reportDataCorrection(deps, contextOf(request), request.params.id, request.body.message)),
    );

    r.post('/campaigns/:id/paper-signatures', { schema: { tags: ['pledges'], summary: 'Catat tanda tangan kertas (multipart: employeeId, signedOn, file)', params: IdParams, consumes: ['multipart/form-data'], response: { 201: SignatureView } } }, async (request, reply) => {
      const ctx = contextOf(request);
      if (!request.isMultipart()) throw new AppError('BAD_REQUEST', null, 'Kirim sebagai multipart/form-data.');
      const fields: Record<string, string> = {};
      let scan: { bytes: Buffer; fileName: string } | null = null;
      for await (const part of request.parts({ limits: { fileSize: 10 * 1024 * 1024 + 1, files: 1 } })) {
        if (part.type === 'file') scan = { bytes: await part.toBuffer(), fileName: part.filename };
        else fields[part.fieldname] = String(part.value);
      }
      const parsed = PaperSignatureFields.safeParse(fields);
      if (!parsed.success) throw new AppError('VALIDATION_FAILED', { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      if (!scan) throw new AppError('VALIDATION_FAILED', { file: 'Pindaian lembar bertanda tangan wajib diunggah.' });
      const created = await recordPaperSignature(deps, ctx, request.params.id, { ...parsed.data, scan: scan.bytes, fileName: scan.fileName });
      return reply.status(201).send(await present(ctx.tenantId, created));
    });

    r.get('/campaigns/:id/signatures', { schema: { tags: ['pledges'], summary: 'Daftar tanda tangan kampanye (cari nama/NIP)', params: IdParams, querystring: SignatureListQuery, response: { 200: z.object({ items: z.array(SignatureListItem), total: z.number().int() }) } } }, async (request) =>
      listCampaignSignatures(deps, contextOf(request), request.params.id, request.query),
    );

    r.post('/pledges/signatures/:id/revoke', { schema: { tags: ['pledges'], summary: 'Cabut tanda tangan', params: IdParams, body: RevokeBody, response: { 200: SignatureView } } }, async (request) => {
      const ctx = contextOf(request);
      return present(ctx.tenantId, await revokeSignature(deps, ctx, request.params.id, request.body.reason));
    });

    r.get('/pledges/signatures/:id/pdf', { schema: { tags: ['pledges'], summary: 'Unduh PDF pakta bertanda tangan', params: IdParams } }, async (request, reply) => {
      const { bytes, signature } = await downloadSignaturePdf(deps, contextOf(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="pakta-integritas-${signature.identity.nomorIdentitas ?? signature.id}.pdf"`)
        .send(bytes);
    });
  };
}
