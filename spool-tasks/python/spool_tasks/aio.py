"""The asyncio client, on psycopg's AsyncConnection: the same protocol as :mod:`spool_tasks.sync`, with
coroutines for handlers and steps."""
from __future__ import annotations

import asyncio
import inspect
import logging
import time
from typing import Any, Callable, Dict, List, Optional

import psycopg

from . import _protocol as p

log = logging.getLogger("spool_tasks")


async def _connect(url: str) -> psycopg.AsyncConnection:
    return await psycopg.AsyncConnection.connect(url, **p.connect_args(url))


async def _maybe_await(value):
    return await value if inspect.isawaitable(value) else value


class AsyncApplication:
    """The asyncio twin of :class:`spool_tasks.Application`; make it with ``await AsyncApplication.open(config)``.

    Statements share one connection under a lock (the asyncio client does not pool): claims and ends run on
    each worker's own connection, so this one serves producers, results and steps.
    """

    def __init__(self, config: p.Config, conn: psycopg.AsyncConnection):
        self.config = config
        self.sql = p.Statements(config.schema)
        self._conn = conn
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, config: Any) -> "AsyncApplication":
        config = p.Config.of(config)
        app = cls(config, await _connect(config.url))
        p.check_schema_found(await app.run(app.sql.exists, (config.schema,), "one"), config.schema)
        return app

    async def run(self, sql: str, args=None, fetch: str = "all"):
        async with self._lock:
            if p.stale(self._conn):  # ended by the server while idle (a restart, an administrator)
                await self._conn.close()
                self._conn = await _connect(self.config.url)
            try:
                cur = await self._conn.execute(sql, args)
                return await (cur.fetchall() if fetch == "all" else cur.fetchone())
            except psycopg.errors.Error as e:
                raise p.TaskError(str(e).strip(), getattr(e, "sqlstate", None)) from e

    async def spawn_task(self, name: str, params: Any = None, **options) -> p.SpawnResult:
        """Spawns one task; the options are those of the synchronous ``spawn_task``."""
        return p.SpawnResult(*await self.run(self.sql.spawn_task, p.spawn_args(name, params, options), "one"))

    async def result(self, task_id: int) -> Optional[p.TaskInfo]:
        return p.task_info(await self.run(self.sql.task, (task_id,), "one"))

    async def await_result(self, task_id: int, timeout: float = 30.0) -> p.TaskInfo:
        """Waits until the task is finished: polls every 50 ms up to ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            info = await self.result(task_id)
            if info is None:
                raise p.TaskError("no task %d" % task_id, "P0002")
            if info.finished:
                return info
            if time.monotonic() > deadline:
                raise TimeoutError("task %d is still %s after %.1f s" % (task_id, info.state, timeout))
            await asyncio.sleep(0.05)

    async def cancel(self, task_id: int) -> bool:
        return (await self.run(self.sql.cancel, (task_id,), "one"))[0]

    def create_worker(self, worker_id: str, queues: Optional[Dict[str, int]] = None) -> "AsyncWorker":
        return AsyncWorker(self, worker_id, queues or self.config.queues)

    async def close(self):
        await self._conn.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()


class AsyncTaskContext(p.ContextBase):
    """A handler's run, as :class:`spool_tasks.TaskContext`, with ``await ctx.step(name, fn)``."""

    def __init__(self, worker: "AsyncWorker", run: p.Claimed):
        super().__init__(worker.worker_id, run)
        self._worker = worker
        self.cancelled = False
        self.lost = False

    def is_cancelled(self) -> bool:
        return self.cancelled or self.lost

    async def step(self, name: str, fn: Callable[[], Any]) -> Any:
        """Runs ``fn`` (a function or a coroutine function) once per task; see the synchronous ``step``."""
        app = self._worker.app
        row = await app.run(app.sql.load_step, (self.task_id, name), "one")
        if row is not None:
            return p.decode(row[0])
        data = p.step_data(await _maybe_await(fn()))
        outcome = (await app.run(app.sql.save_step, (self.run_id, self.worker_id, name, data), "one"))[0]
        try:
            saved = p.step_saved(outcome, name, self.task_id)
        except p.LeaseLost:
            self.lost = True
            raise
        return p.decode(data if saved else (await app.run(app.sql.load_step, (self.task_id, name), "one"))[0])


class AsyncWorker(p.WorkerBase):
    """The asyncio worker: each run is an asyncio task (``concurrency`` at once per queue); ``await run()``
    claims, records ends and extends leases on the worker's own connection until :meth:`stop`."""

    def __init__(self, app: AsyncApplication, worker_id: str, queues: Dict[str, int]):
        super().__init__(app, worker_id, queues)
        self._tasks: set = set()
        self._ends: List[tuple] = []
        self._wake = asyncio.Event()
        self._stopping = False

    async def run(self):
        """Claims, runs and records until :meth:`stop`; then finishes the running handlers within the shutdown
        timeout and hands back the runs still held. A lost connection is made again (ends not yet recorded are
        lost with it, and their runs come back when their leases expire)."""
        names = self._names()
        listener = asyncio.ensure_future(self._listen())
        try:
            while not self._stopping:
                try:
                    conn = await _connect(self.app.config.url)
                    try:
                        await self._loop(conn, names)
                        await self._drain(conn)
                        return
                    finally:
                        await conn.close()
                except psycopg.OperationalError:
                    log.warning("worker %s: connection lost, reconnecting", self.worker_id, exc_info=True)
                    await asyncio.sleep(self.app.config.poll_interval)
        finally:
            listener.cancel()

    async def _loop(self, conn, names: List[str]):
        next_beat = time.monotonic()
        while not self._stopping:
            await self._record_ends(conn)
            if time.monotonic() >= next_beat:
                next_beat = time.monotonic() + await self._heartbeat(conn)
            if not await self._claim(conn, names):
                try:
                    await asyncio.wait_for(self._wake.wait(), min(self.app.config.poll_interval,
                                                                  max(0.01, next_beat - time.monotonic())))
                except asyncio.TimeoutError:
                    pass
                self._wake.clear()

    async def _drain(self, conn):
        deadline = time.monotonic() + self.app.config.shutdown_timeout
        if self._tasks:
            await asyncio.wait(list(self._tasks), timeout=max(0.0, deadline - time.monotonic()))
        for t in list(self._tasks):
            t.cancel()
        await self._record_ends(conn)
        if self._held:
            await conn.execute(self.app.sql.release, (list(self._held), self.worker_id))

    def stop(self):
        """Asks ``run()`` to stop: it finishes the running handlers within the shutdown timeout and returns."""
        self._stopping = True
        self._wake.set()

    async def _claim(self, conn, names: List[str]) -> bool:
        full = False
        for queue, concurrency in self.queues.items():
            free = concurrency - self._running[queue]
            if free <= 0:
                continue
            cur = await conn.execute(self.app.sql.claim, (queue, self.worker_id, free, names))
            rows = await cur.fetchall()
            for row in rows:
                ctx = AsyncTaskContext(self, p.claimed(row, queue))
                self._held[ctx.run_id] = ctx
                self._running[queue] += 1
                task = asyncio.ensure_future(self._execute(ctx))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
            full = full or len(rows) == free
        return full

    async def _execute(self, ctx: AsyncTaskContext):
        fn = self.handlers[ctx.name]
        try:
            params = self._params(ctx)
            result = p.encode(await _maybe_await(fn(ctx, params)))
            self._ends.append((ctx, result, None))  # after the await: _record_ends swaps the list meanwhile
        except asyncio.CancelledError:
            self._running[ctx.run.queue] -= 1  # stopped past the deadline: released, not failed
            raise
        except Exception as e:
            self._ends.append((ctx, None, e))
        self._wake.set()

    async def _record_ends(self, conn):
        ends, self._ends = self._ends, []
        done = [(c, r) for c, r, e in ends if e is None and not c.is_cancelled()]
        failed = [(c, e) for c, r, e in ends if e is not None and not c.is_cancelled()]
        if done:
            await conn.execute(self.app.sql.complete, ([c.run_id for c, _ in done], self.worker_id,
                                                       [r for _, r in done]))
        for ctx, error in failed:
            await conn.execute(self.app.sql.fail, (ctx.run_id, self.worker_id, p.error_text(error),
                                                   not isinstance(error, p.PermanentFailure)))
        for ctx, _, _ in ends:
            self._running[ctx.run.queue] -= 1
            self._held.pop(ctx.run_id, None)

    async def _heartbeat(self, conn) -> float:
        """Extends the leases held; returns the seconds until the next heartbeat (a third of the shortest)."""
        held = list(self._held.values())
        if not held:
            return 1.0
        cur = await conn.execute(self.app.sql.extend, ([c.run_id for c in held], self.worker_id))
        by_id = {c.run_id: c for c in held}
        for run_id, outcome in await cur.fetchall():
            if outcome == "cancelled":
                by_id[run_id].cancelled = True
            elif outcome == "lease_lost":
                by_id[run_id].lost = True
        return max(0.05, min(c.run.lease.total_seconds() for c in held) / 3)

    async def _listen(self):
        while not self._stopping:
            try:
                conn = await _connect(self.app.config.url)
                try:
                    await conn.execute("LISTEN " + self.app.sql.spawn_channel)
                    async for n in conn.notifies():
                        if n.payload in self.queues:
                            self._wake.set()
                finally:
                    await conn.close()
            except asyncio.CancelledError:
                return
            except Exception:  # polling finds the work meanwhile
                log.warning("worker %s: LISTEN failed, polling until it is back", self.worker_id, exc_info=True)
                await asyncio.sleep(self.app.config.poll_interval)
