// Loaded as a classic script before the app's modules (index.html). The app runs under a
// Content-Security-Policy without 'unsafe-eval'; Zod would probe `new Function` while building its
// schemas, which the browser refuses and reports as a CSP violation. Zod reads this shared config
// object when it loads, so it never tries (the server keeps the speed-up). Checked by
// tests/e2e/stored-xss.test.ts (no CSP violation on any screen).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
