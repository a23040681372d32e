// Runs one autocannon load in a child process, so the load generator has its own event loop and does
// not share the server's (it still shares the machine's cores). (autocannon treats a worker *thread*
// as one of its own workers and returns raw histograms, hence a process.) Receives autocannon options
// as the first IPC message and sends back the figures the benchmark prints.
import autocannon from 'autocannon';

process.once('message', async (options) => {
  const result = await autocannon(options);
  process.send(
    {
      requestsAverage: result.requests.average,
      requestsTotal: result.requests.total,
      latencyP50: result.latency.p50,
      latencyP99: result.latency.p99,
      latencyAverage: result.latency.average,
      latencyMax: result.latency.max,
      ok2xx: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      duration: result.duration,
    },
    () => process.exit(0),
  );
});
