/**
 * The security headers of every response (Content-Security-Policy, frame, referrer, HSTS …), written by
 * helmet from the policy below. Helmet's headers depend only on this policy, never on the request, so
 * they are computed once at boot and set by one synchronous hook; @fastify/helmet rebuilt helmet's
 * middleware for every request (~2 % of a signature's CPU).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

// The whole policy is written out here (no helmet defaults merged in), tested in tests/integration/csp.test.ts.
// Scripts only from Netra's own files: no inline script, no eval (the web app runs Zod jitless), no
// inline event handlers. Styles may be inline: Mantine injects <style> tags and writes CSS variables
// into style attributes; that allows CSS, never script.
const POLICY: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      workerSrc: ["'self'"], // the proof-of-work solver runs in a Web Worker from /assets
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      // No upgrade-insecure-requests: TLS ends at the reverse proxy, which sets HSTS.
    },
  },
  frameguard: { action: 'deny' }, // the X-Frame-Options twin of frame-ancestors 'none'
};

/** The headers helmet sets for `policy`, captured from one run of its middleware. */
export function helmetHeaders(policy: HelmetOptions = POLICY): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => {},
  };
  let ran = false;
  helmet(policy)({} as IncomingMessage, res as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    ran = true;
  });
  if (!ran || !headers['content-security-policy']) throw new Error('helmet did not write its headers synchronously');
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  const headers = helmetHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
