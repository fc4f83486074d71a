/**
 * A stage worker: builds its own stages from the spec it was started with (models load once per worker; the weight
 * tables once per pool, in shared memory, when the pool asks it to wait for another worker's), then runs
 * each document it is sent through its pending stages in order, handing each stage the mentions the earlier ones
 * produced as the store would return them (stored-view.ts). The main thread stores every result: workers never write.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Mention, Stage } from '../../model/index.js';
import { buildStages } from './build-stages.js';
import { enableSharedTables, sharedTablesToSend, type SharedTables } from '../../nlp/shared-tables.js';
import { mentionsAfter } from './stored-view.js';
import { serialiseError, type StageJob, type TablesMessage, type WorkerInit, type WorkerReply } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('worker-entry runs inside a worker thread.');
const send = (reply: WorkerReply): void => port.postMessage(reply);

let stages: Stage[] = [];
try {
  const init = workerData as WorkerInit;
  // The code loads first (meanwhile another worker may be loading the models); the models load with the versions.
  stages = await buildStages(init.spec);
  // Model tables go to shared memory; those another worker built are taken, not decoded again.
  const given = init.waitForTables ? await new Promise<SharedTables>((resolve) => port.once('message', (m: TablesMessage) => resolve(m.shared))) : init.shared;
  enableSharedTables(given);
  // Reading the versions loads the models: a broken model fails here, once, not on every document.
  const info = stages.map((s) => ({ name: s.name, version: s.version }));
  send({ kind: 'ready', stages: info, shared: sharedTablesToSend() });
} catch (error) {
  send({ kind: 'init-error', error: serialiseError(error) });
}

// Jobs run one after another in arrival order (the pool may queue a second one so the worker never waits).
let queue: Promise<void> = Promise.resolve();
port.on('message', (job: StageJob) => {
  queue = queue.then(() => runJob(job));
});

async function runJob(job: StageJob): Promise<void> {
  let mentions: Mention[] = job.mentions;
  for (const name of job.stages) {
    const stage = stages.find((s) => s.name === name);
    const version = stage?.version ?? '';
    try {
      if (!stage) throw new Error(`This worker has no stage named "${name}".`);
      const output = await stage.run(job.doc, { mentions });
      // Sent at once: if the worker dies on a later stage, what this one produced is still stored, as in one thread.
      send({ kind: 'result', id: job.id, result: { stage: name, version, output } });
      mentions = mentionsAfter(mentions, job.doc.collection, job.doc.id, name, version, output);
    } catch (error) {
      send({ kind: 'done', id: job.id, failure: { stage: name, version, error: serialiseError(error) } });
      return;
    }
  }
  send({ kind: 'done', id: job.id });
}
