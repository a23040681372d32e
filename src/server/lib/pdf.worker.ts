/** The PDF pool's worker thread: renders one document per message, answers with the bytes or the error. */
import { parentPort } from 'node:worker_threads';
import { PDF_RENDERERS, type PdfKind } from './pdf.renderers.js';

parentPort!.on('message', async (m: { id: number; kind: PdfKind; input: never }) => {
  try {
    const bytes = await PDF_RENDERERS[m.kind](m.input);
    parentPort!.postMessage({ id: m.id, bytes });
  } catch (error) {
    parentPort!.postMessage({ id: m.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
