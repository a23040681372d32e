/**
 * HTTP for reporters: the public form, the receipt PDF, the receipt portal, and the same form for
 * employees inside Netra. Every route here logs nothing (`logLevel: 'silent'`): no request line, so
 * no address, user agent or time of a reporter reaches the log. Responses are never cached.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MessageBody, PowChallenge, PublicReportOptions, PublicReportOptionsQuery, ReceiptCredentials, ReceiptLoginBody, ReceiptView, SubmitResult } from '../../../shared/contracts/reports.contract.js';
import { getPublicReportOptions } from './options.service.js';
import { Ok } from '../../../shared/contracts/common.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { contextOf } from '../../http/session.js';
import { submitInternalReport, submitPublicReport } from './intake.service.js';
import { parseReportField, readReportUpload } from './multipart.js';
import { RECEIPT_COOKIE, RECEIPT_SESSION_MINUTES, receiptPortalUrl } from './receipt.js';
import { addEvidenceAsReporter, checkReceipt, getReceiptView, loginWithReceipt, replyAsReporter, requireReceiptSession } from './reporter.service.js';
import { inboxRoutes } from './inbox.routes.js';
import { createReportKit, type ReportKit } from './reports.kit.js';
import { findTenantById } from '../tenants/tenants.repository.js';

const tags = ['pengaduan'];
const QUIET = { logLevel: 'silent' as const };
const COOKIE_PATH = '/api/public/receipt';

function noStore(reply: FastifyReply) {
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
}

export function reportRoutes(deps: AppDeps, kit: ReportKit) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    app.addHook('onRequest', async (_request, reply) => noStore(reply));
    // The routes are silent; an unexpected failure is still logged, without anything about the request.
    app.addHook('onError', async (_request, _reply, error) => {
      if (!(error instanceof AppError) && !(error as { statusCode?: number }).statusCode) deps.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'pengaduan: kesalahan tak terduga');
    });
    const session = (request: FastifyRequest) => requireReceiptSession(kit, request.cookies[RECEIPT_COOKIE]);

    r.get('/public/pow', { ...QUIET, schema: { tags, summary: 'Tantangan anti-spam (proof of work, altcha)', response: { 200: PowChallenge } } }, async () => (await kit.pow.issue()) as unknown as z.infer<typeof PowChallenge>);

    r.get('/public/reports/options', { ...QUIET, schema: { tags, summary: 'Pilihan formulir: Pemilu/Pilkada dan batas berkas', querystring: PublicReportOptionsQuery, response: { 200: PublicReportOptions } } }, async (request) =>
      getPublicReportOptions(deps, request.query.tenant),
    );

    r.post('/public/reports', { ...QUIET, config: { rateLimit: { max: deps.config.REPORT_SUBMIT_PER_HOUR, timeWindow: '1 hour' } }, schema: { tags, summary: 'Kirim laporan (multipart: report = JSON formulir, altcha, tenant, file berulang)', consumes: ['multipart/form-data'], response: { 201: SubmitResult } } }, async (request, reply) => {
      const upload = await readReportUpload(request, deps.config);
      const input = parseReportField(upload.fields.report);
      return reply.status(201).send(await submitPublicReport(kit, deps, upload.fields.tenant || undefined, upload.fields.altcha, input, upload.files));
    });

    r.post('/reports/internal', { ...QUIET, schema: { tags, summary: 'Laporan dari pegawai di dalam Netra (formulir yang sama)', consumes: ['multipart/form-data'], response: { 201: SubmitResult } } }, async (request, reply) => {
      const ctx = contextOf(request);
      const upload = await readReportUpload(request, deps.config);
      return reply.status(201).send(await submitInternalReport(kit, deps, ctx, parseReportField(upload.fields.report), upload.files));
    });

    r.post('/public/reports/receipt.pdf', { ...QUIET, schema: { tags, summary: 'Unduh tanda terima (nomor + kunci dikirim di badan permintaan, tidak disimpan)', body: ReceiptCredentials } }, async (request, reply) => {
      const found = await checkReceipt(kit, deps, request.body.tenant, request.body.number, request.body.key, request.ip);
      const tenant = (await findTenantById(deps.db, found.tenantId))!;
      const bytes = await deps.pdf.render('receipt', { instansi: tenant.name, address: null, number: found.number, key: request.body.key.toUpperCase(), receivedOn: found.receivedOn, portalUrl: receiptPortalUrl(deps.config.PUBLIC_URL) });
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="tanda-terima-${found.number}.pdf"`).header('x-content-type-options', 'nosniff').send(bytes);
    });

    r.post('/public/receipt/login', { ...QUIET, schema: { tags, summary: 'Masuk dengan nomor laporan + kunci tanda terima', body: ReceiptLoginBody, response: { 200: ReceiptView } } }, async (request, reply) => {
      const { cookie, session: s } = await loginWithReceipt(kit, deps, request.body, request.ip);
      reply.setCookie(RECEIPT_COOKIE, cookie, { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: deps.config.COOKIE_SECURE, maxAge: RECEIPT_SESSION_MINUTES * 60 });
      return getReceiptView(deps, s);
    });
    r.post('/public/receipt/logout', { ...QUIET, schema: { tags, response: { 200: Ok } } }, async (_request, reply) => {
      reply.clearCookie(RECEIPT_COOKIE, { path: COOKIE_PATH });
      return { ok: true as const };
    });
    r.get('/public/receipt', { ...QUIET, schema: { tags, summary: 'Status laporan dan pesan', response: { 200: ReceiptView } } }, async (request) => getReceiptView(deps, session(request)));
    r.post('/public/receipt/messages', { ...QUIET, schema: { tags, summary: 'Jawab pesan Satgas', body: MessageBody, response: { 200: ReceiptView } } }, async (request) => replyAsReporter(deps, session(request), request.body.body));
    r.post('/public/receipt/files', { ...QUIET, schema: { tags, summary: 'Tambah bukti (multipart: file berulang)', consumes: ['multipart/form-data'], response: { 200: ReceiptView } } }, async (request) => {
      const s = session(request);
      const upload = await readReportUpload(request, deps.config);
      return addEvidenceAsReporter(kit, deps, s, upload.files);
    });
  };
}

/** The whole module: builds its kit (keys, proof of work, limiter) once and registers both sides. */
export function reportsModule(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const kit = createReportKit(deps);
    await app.register(reportRoutes(deps, kit));
    await app.register(inboxRoutes(deps, kit));
  };
}
