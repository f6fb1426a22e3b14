"""A worker process for the Java tests: python3 fixture_worker.py URL SCHEMA WORKER_ID sync|async [QUEUE].

Registers the handlers below, prints "ready" once it runs, and stops (gracefully) when its stdin closes.
SPOOL_TEST_MARKERS names a folder where the durable handler notes each step body it runs.
"""
import asyncio
import os
import sys
import threading
import time

import spool_tasks
from spool_tasks import PermanentFailure


def mark(what, task_id):
    with open(os.path.join(os.environ["SPOOL_TEST_MARKERS"], "%s-%d" % (what, task_id)), "a") as f:
        f.write("x\n")


def echo(ctx, params):
    return {"echo": params, "by": "python", "worker": ctx.worker_id, "attempt": ctx.attempt}


def fail(ctx, params):
    raise RuntimeError("python says no to %r" % (params,))


def permanent(ctx, params):
    raise PermanentFailure("never")


def durable(ctx, params):
    one = ctx.step("one", lambda: (mark("one", ctx.task_id), 41)[1])

    def two():
        mark("two", ctx.task_id)
        if ctx.attempt == 1:
            time.sleep(120)  # the test kills the process here
        return 1

    return {"sum": one + ctx.step("two", two), "attempt": ctx.attempt}


async def async_echo(ctx, params):
    await asyncio.sleep(0.001)
    first = await ctx.step("first", lambda: params["n"] * 2)

    async def second():
        await asyncio.sleep(0.001)
        return first + 1

    return {"n": await ctx.step("second", second), "by": "asyncio", "worker": ctx.worker_id}


def main():
    url, schema, worker_id, mode = sys.argv[1:5]
    queue = sys.argv[5] if len(sys.argv) > 5 else "default"
    config = spool_tasks.Config(url=url, schema=schema, queues={queue: 8}, poll_interval=0.2)
    if mode == "async":
        asyncio.run(run_async(config, worker_id))
        return
    with spool_tasks.Application(config) as app:
        worker = app.create_worker(worker_id)
        for name, fn in (("py-echo", echo), ("py-fail", fail), ("py-permanent", permanent),
                         ("py-durable", durable), ("py-work", echo)):
            worker.register(name, fn)
        worker.start()
        print("ready", flush=True)
        sys.stdin.read()
        worker.stop()


async def run_async(config, worker_id):
    app = await spool_tasks.AsyncApplication.open(config)
    worker = app.create_worker(worker_id).register("py-async", async_echo).register("py-work", echo)
    running = asyncio.ensure_future(worker.run())
    running.add_done_callback(lambda f: f.cancelled() or f.exception() is None
                              or print("worker.run failed: %r" % f.exception(), flush=True))
    print("ready", flush=True)

    closed = asyncio.Event()
    loop = asyncio.get_running_loop()
    threading.Thread(target=lambda: (sys.stdin.read(), loop.call_soon_threadsafe(closed.set)), daemon=True).start()
    await closed.wait()
    worker.stop()
    await running
    await app.close()


if __name__ == "__main__":
    main()
