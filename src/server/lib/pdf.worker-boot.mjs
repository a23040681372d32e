// Worker-thread entry of the PDF pool (pdf-pool.ts): registers tsx for this thread, then loads the
// TypeScript worker. Plain JavaScript so that it starts without any loader.
import { register } from 'tsx/esm/api';

register();
await import('./pdf.worker.ts');
