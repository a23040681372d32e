// Worker thread of a soak load worker (bench/soak-worker.ts): solves altcha proof-of-work challenges
// like a reporter's browser does, off the load worker's event loop, so the schedule of the other
// operations is not held up while a reporter's phone "works". Receives {id, challenge}, answers
// {id, altcha} (the base64 payload the form sends) or {id, error}.
import { parentPort } from 'node:worker_threads';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

parentPort.on('message', async ({ id, challenge }) => {
  try {
    const solution = await solveChallenge({ challenge, deriveKey });
    if (!solution) throw new Error('proof of work not solved');
    parentPort.postMessage({ id, altcha: Buffer.from(JSON.stringify({ challenge, solution })).toString('base64') });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
