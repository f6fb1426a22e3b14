// A Node task system for spool-bench (./spool bench tasks), driven over stdin/stdout by NodeContender:
//   node node-runner.cjs SYSTEM CONNECTION_STRING CONCURRENCY CONNECTIONS POLL_MS
// SYSTEM: graphile (graphile-worker, default settings), graphile-batched (its localQueue and batched
// complete/fail, as its performance page configures them) or pg-boss. Prints "ready" once its workers run;
// on "spawn FROM COUNT" adds tasks FROM..FROM+COUNT-1 in one batch and prints "spawned FROM"; each handler
// notes its task's index and the time (process.hrtime, CLOCK_MONOTONIC like the JVM's System.nanoTime), sent
// as "s INDEX:NANOS ..." lines; on "stop" stops its workers, prints "stopped" and exits.
"use strict";
const readline = require("readline");

const [system, connectionString, concurrencyArg, connectionsArg, pollArg] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const connections = Number(connectionsArg);
const pollMs = Number(pollArg);

let started = [];
function noteStarted(index) {
  started.push(index + ":" + process.hrtime.bigint());
}
const flusher = setInterval(() => {
  if (started.length > 0) {
    process.stdout.write("s " + started.join(" ") + "\n");
    started = [];
  }
}, 2);

async function graphile(batched) {
  const { run, makeWorkerUtils } = require("graphile-worker");
  const { Pool } = require("pg");
  const pgPool = new Pool({ connectionString, max: connections });
  const preset = batched
    ? { worker: { localQueue: { size: 500 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 } }
    : { worker: {} };
  const utils = await makeWorkerUtils({ pgPool });
  await utils.migrate();
  const runner = await run({
    pgPool, concurrency, pollInterval: pollMs, noHandleSignals: true, preset,
    logger: quietLogger(),
    taskList: { noop: async (payload) => noteStarted(payload.i) },
  });
  return {
    spawn: (from, count) => utils.addJobs(range(from, count).map((i) => ({ identifier: "noop", payload: { i } }))),
    stop: async () => { await runner.stop(); await utils.release(); await pgPool.end(); },
  };
}

async function pgBoss() {
  const PgBoss = require("pg-boss");
  const boss = new PgBoss({ connectionString, max: connections });
  boss.on("error", (e) => console.error("pg-boss: " + e.message));
  await boss.start();
  await boss.createQueue("noop");
  // pg-boss 10 runs one job at a time per work() call: `concurrency` calls give as many handlers
  for (let k = 0; k < concurrency; k++) {
    await boss.work("noop", { batchSize: 1, pollingIntervalSeconds: Math.max(0.5, pollMs / 1000) },
      async ([job]) => noteStarted(job.data.i));
  }
  return {
    spawn: (from, count) => boss.insert(range(from, count).map((i) => ({ name: "noop", data: { i } }))),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10000 }),
  };
}

function range(from, count) {
  return Array.from({ length: count }, (_, k) => from + k);
}

function quietLogger() {
  const { Logger } = require("graphile-worker");
  return new Logger(() => (level, message) => {
    if (level === "error") console.error(message);
  });
}

async function main() {
  const queue = system === "pg-boss" ? await pgBoss()
    : system === "graphile" ? await graphile(false)
    : system === "graphile-batched" ? await graphile(true)
    : null;
  if (!queue) throw new Error("unknown system " + system);
  process.stdout.write("ready\n");
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    const [cmd, a, b] = line.trim().split(" ");
    if (cmd === "spawn") {
      await queue.spawn(Number(a), Number(b));
      process.stdout.write("spawned " + a + "\n");
    } else if (cmd === "stop") {
      break;
    }
  }
  await queue.stop();
  clearInterval(flusher);
  process.stdout.write((started.length ? "s " + started.join(" ") + "\n" : "") + "stopped\n", () => process.exit(0));
}

main().catch((e) => {
  console.error("node-runner failed: " + (e && e.stack || e));
  process.exit(1);
});
