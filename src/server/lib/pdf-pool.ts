/**
 * Renders PDFs on worker threads. pdfmake lays a document out synchronously (60–100 ms for a signed
 * pledge), which stalled the event loop for every other request when a signing surge downloaded its
 * PDFs (bench/RESULTS.md, soak). A small pool of workers renders instead, on another core.
 *
 * Only documents whose input is plain data are rendered here (registered in `pdf.worker.ts`); the
 * document definition itself holds functions (footers, table layouts) and cannot cross threads.
 * `size` 0 renders in the calling thread (same output; used where threads are not wanted).
 */
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PDF_RENDERERS, type PdfKind, type PdfInput } from './pdf.renderers.js';

export interface PdfRenderer {
  render<K extends PdfKind>(kind: K, input: PdfInput<K>): Promise<Buffer>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** One worker per spare core, at least one: on a 2-core server the event loop keeps one core. */
export const defaultPdfWorkers = () => Math.max(1, Math.min(4, cpus().length - 1));

export function createPdfRenderer(size: number): PdfRenderer {
  if (size <= 0) {
    return { render: (kind, input) => (PDF_RENDERERS[kind] as (input: PdfInput<typeof kind>) => Promise<Buffer>)(input), close: async () => {} };
  }
  const slots: Slot[] = [];
  let nextId = 0;

  const spawn = (): Slot => {
    // A plain-JS bootstrap registers tsx inside the thread, so the worker runs the TypeScript sources
    // the same way under `npm start`, vitest and the benchmarks.
    const worker = new Worker(new URL('./pdf.worker-boot.mjs', import.meta.url), { execArgv: [] });
    worker.unref(); // an idle pool never keeps a process alive
    const slot: Slot = { worker, pending: new Map() };
    const fail = (error: Error) => {
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1); // the next render starts a fresh worker
    };
    worker.on('message', (m: { id: number; bytes?: Uint8Array; error?: string }) => {
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      if (m.bytes) p.resolve(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
      else p.reject(new Error(`PDF worker: ${m.error ?? 'unknown error'}`));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`PDF worker exited with code ${code}`)));
    slots.push(slot);
    return slot;
  };

  /** The least busy worker, starting workers lazily up to `size`. */
  const pick = (): Slot => {
    const idle = slots.find((s) => s.pending.size === 0);
    if (idle) return idle;
    if (slots.length < size) return spawn();
    return slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  };

  return {
    render(kind, input) {
      const slot = pick();
      const id = nextId++;
      return new Promise<Buffer>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, kind, input });
      });
    },
    async close() {
      const all = slots.splice(0);
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
