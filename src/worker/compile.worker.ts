import { compileJob, type CompileReply, type CompileRequest } from './compile-job.ts';

// The glue: one job at a time; the page terminates this worker when a newer edit makes the running job stale.
// (Typed with the DOM's `self`: a worker's postMessage takes the same `{ transfer }` options.)
self.onmessage = (event: MessageEvent<CompileRequest>) => {
  const { job, source } = event.data;
  const reply = (message: CompileReply, transfer: Transferable[] = []) => self.postMessage(message, { transfer });
  const { result, transfer } = compileJob(source, (read) => reply({ job, kind: 'progress', read }));
  reply({ job, kind: 'done', result }, transfer);
};
