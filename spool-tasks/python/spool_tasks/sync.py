"""The synchronous client: an Application (producer, results) and a Worker running handlers on threads."""
from __future__ import annotations

import logging
import queue as _queue
import select
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, List, Optional

import psycopg

from . import _protocol as p

log = logging.getLogger("spool_tasks")


def _connect(url: str) -> psycopg.Connection:
    return psycopg.connect(url, **p.connect_args(url))


class _Pool:
    """A few autocommit connections shared by threads: one is lent per statement, made when none is free."""

    def __init__(self, url: str, size: int):
        self._url = url
        self._idle: _queue.LifoQueue = _queue.LifoQueue()
        self._slots = threading.Semaphore(size)
        self._closed = False

    def run(self, sql: str, args=None, fetch: str = "all"):
        with self._slots:
            try:
                conn = self._idle.get_nowait()
                if p.stale(conn):  # ended by the server while idle (a restart, an administrator)
                    conn.close()
                    conn = _connect(self._url)
            except _queue.Empty:
                conn = _connect(self._url)
            try:
                cur = conn.execute(sql, args)
                rows = None if fetch == "none" else cur.fetchall() if fetch == "all" else cur.fetchone()
            except psycopg.errors.Error as e:
                if conn.closed or conn.broken:
                    conn = None
                raise p.TaskError(str(e).strip(), getattr(e, "sqlstate", None)) from e
            finally:
                if conn is not None and not conn.closed:
                    self._idle.put(conn)
            return rows

    def close(self):
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().close()
            except _queue.Empty:
                return


def _wait_notify(conn: psycopg.Connection, timeout: float) -> List[Any]:
    """Notifications that arrive on ``conn`` within ``timeout`` seconds (none: an empty list)."""
    ready, _, _ = select.select([conn.fileno()], [], [], timeout)
    if not ready:
        return []
    pg = conn.pgconn
    pg.consume_input()
    out = []
    while True:
        n = pg.notifies()
        if n is None:
            return out
        out.append(n)


class Application:
    """The queue as seen from Python: spawn tasks, read and await their results, cancel, retry, make workers.

    ``config`` is a :class:`Config`, a URL string or a dict of Config's fields. The schema must exist (the Java
    ``Application`` creates it, as does ``psql -f spool-tasks.sql``): this client calls its functions only.
    """

    def __init__(self, config: Any):
        self.config = p.Config.of(config)
        self.sql = p.Statements(self.config.schema)
        self.pool = _Pool(self.config.url, self.config.pool_size)
        p.check_schema_found(self.pool.run(self.sql.exists, (self.config.schema,), "one"), self.config.schema)

    def spawn_task(self, name: str, params: Any = None, **options) -> p.SpawnResult:
        """Spawns one task; params are bytes, or any JSON value. Options: ``queue``, ``priority``, ``run_at``
        (a datetime), ``delay``, ``max_attempts``, ``idempotency_key``, ``headers`` (a dict of strings),
        ``lease``, ``backoff_base``, ``backoff_max`` (durations: seconds or timedeltas), ``backoff_jitter``
        (0..1); the database checks them as it checks Java's (``TaskError`` with the SQLSTATE)."""
        return p.SpawnResult(*self.pool.run(self.sql.spawn_task, p.spawn_args(name, params, options), "one"))

    def spawn_tasks(self, name: str, params_list: List[Any], *, queue: Optional[str] = None) -> List[p.SpawnResult]:
        """Spawns one task of ``name`` per params, in one round trip."""
        args = {"names": [name] * len(params_list), "params": [p.encode(x) for x in params_list],
                "queues": None if queue is None else [queue] * len(params_list)}
        return [p.SpawnResult(*r[1:]) for r in self.pool.run(self.sql.spawn_tasks, args)]

    def result(self, task_id: int) -> Optional[p.TaskInfo]:
        """The task as stored now, or None if there is no such task."""
        return p.task_info(self.pool.run(self.sql.task, (task_id,), "one"))

    def await_result(self, task_id: int, timeout: float = 30.0) -> p.TaskInfo:
        """Waits until the task is completed, dead or cancelled (woken by its notification, polling as fallback)."""
        deadline = time.monotonic() + timeout
        with _connect(self.config.url) as conn:
            conn.execute("LISTEN " + self.sql.done_channel)
            state = conn.execute(self.sql.watch, (task_id,)).fetchone()[0]
            if state is None:
                raise p.TaskError("no task %d" % task_id, "P0002")
            while True:
                info = self.result(task_id)
                if info is not None and info.finished:
                    return info
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("task %d is still %s after %.1f s" % (task_id, info.state, timeout))
                _wait_notify(conn, min(left, 0.5))

    def cancel(self, task_id: int) -> bool:
        return self.pool.run(self.sql.cancel, (task_id,), "one")[0]

    def retry(self, task_id: int) -> p.SpawnResult:
        t, r, a = self.pool.run(self.sql.retry, (task_id,), "one")
        return p.SpawnResult(t, r, a, True)

    def create_worker(self, worker_id: str, queues: Optional[Dict[str, int]] = None) -> "Worker":
        """A worker serving ``queues`` (queue name to concurrency; the config's queues by default)."""
        return Worker(self, worker_id, queues or self.config.queues)

    def close(self):
        self.pool.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class TaskContext(p.ContextBase):
    """What a handler knows of its run: ids, attempt, headers, whether it was cancelled, and durable steps."""

    def __init__(self, worker: "Worker", run: p.Claimed):
        super().__init__(worker.worker_id, run)
        self._worker = worker
        self.cancelled = threading.Event()
        self.lost = threading.Event()
        self.extended_at = time.monotonic()

    def is_cancelled(self) -> bool:
        """True once the task was cancelled or the lease lost: the handler should return; nothing is written."""
        return self.cancelled.is_set() or self.lost.is_set()

    def heartbeat(self):
        """Extends the lease now (the worker also does so by itself while the handler runs)."""
        self._worker._heartbeat([self])

    def step(self, name: str, fn: Callable[[], Any]) -> Any:
        """Runs ``fn`` once per task: its JSON result is stored, and a later attempt gets it back without running
        ``fn`` again. Raises :class:`LeaseLost` when the run is no longer this worker's."""
        sql = self._worker.app.sql
        pool = self._worker.app.pool
        row = pool.run(sql.load_step, (self.task_id, name), "one")
        if row is not None:
            return p.decode(row[0])
        data = p.step_data(fn())
        try:
            saved = p.step_saved(pool.run(sql.save_step, (self.run_id, self.worker_id, name, data), "one")[0],
                                 name, self.task_id)
        except p.LeaseLost:
            self.lost.set()
            raise
        return p.decode(data if saved else pool.run(sql.load_step, (self.task_id, name), "one")[0])


class Worker(p.WorkerBase):
    """Claims runs of the task names it has handlers for, runs each on a thread, and records their ends.

    One loop thread claims (``claim_task`` for the places free, woken by ``LISTEN`` or after the poll interval)
    and records ends in batches (``complete_runs``, ``fail_run``); one thread extends the leases of the runs
    held (``extend_leases``, at a third of the shortest lease); handlers run on a thread pool of the queues'
    total concurrency. ``run()`` blocks until :meth:`stop`; ``start()`` runs it on a thread.
    """

    def __init__(self, app: Application, worker_id: str, queues: Dict[str, int]):
        super().__init__(app, worker_id, queues)
        self._held_lock = threading.Lock()
        self._ends: _queue.Queue = _queue.Queue()
        self._wake = threading.Event()
        self._claimed = threading.Event()
        self._stopping = threading.Event()
        self._stopped = threading.Event()
        self._thread: Optional[threading.Thread] = None

    def start(self) -> "Worker":
        self._thread = threading.Thread(target=self.run, name="spool-worker-" + self.worker_id, daemon=True)
        self._thread.start()
        return self

    def run(self):
        names = self._names()
        executor = ThreadPoolExecutor(max_workers=sum(self.queues.values()), thread_name_prefix=self.worker_id)
        listener = threading.Thread(target=self._listen, daemon=True)
        keeper = threading.Thread(target=self._keep_leases, daemon=True)
        listener.start()
        keeper.start()
        try:
            while not self._stopping.is_set():
                try:
                    with _connect(self.app.config.url) as conn:
                        self._loop(conn, names, executor)
                        self._drain(conn, executor)
                        return
                except psycopg.OperationalError:
                    # the database went away: ends not yet recorded are lost with it, and their runs come back
                    # when their leases expire (at least once); claim again once it is back
                    log.warning("worker %s: connection lost, reconnecting", self.worker_id, exc_info=True)
                    self._stopping.wait(self.app.config.poll_interval)
        finally:
            executor.shutdown(wait=False)
            self._stopped.set()
            self._claimed.set()

    def stop(self, timeout: Optional[float] = None):
        """Stops claiming, lets the running handlers finish within ``timeout`` (the config's shutdown timeout),
        records their ends, and releases the runs still held to other workers."""
        self._shutdown_timeout = self.app.config.shutdown_timeout if timeout is None else timeout
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join()
        else:
            self._stopped.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # the loop thread

    def _loop(self, conn, names: List[str], executor):
        while not self._stopping.is_set():
            self._record_ends(conn)
            if not self._claim(conn, names, executor):
                self._wake.wait(self.app.config.poll_interval)
                self._wake.clear()

    def _claim(self, conn, names: List[str], executor) -> bool:
        claimed_any = False
        for queue, concurrency in self.queues.items():
            free = concurrency - self._running[queue]
            if free <= 0:
                continue
            rows = conn.execute(self.app.sql.claim, (queue, self.worker_id, free, names)).fetchall()
            for row in rows:
                ctx = TaskContext(self, p.claimed(row, queue))
                with self._held_lock:
                    self._held[ctx.run_id] = ctx
                self._running[queue] += 1
                executor.submit(self._execute, ctx)
            if rows:
                self._claimed.set()
            claimed_any = claimed_any or len(rows) == free
        return claimed_any

    def _execute(self, ctx: TaskContext):
        fn = self.handlers[ctx.name]
        try:
            params = self._params(ctx)
            result = p.encode(fn(ctx, params))
            self._ends.put((ctx, result, None))
        except BaseException as e:  # the handler's failure is the run's error
            self._ends.put((ctx, None, e))
        self._wake.set()

    def _record_ends(self, conn):
        done, failed = [], []
        while True:
            try:
                ctx, result, error = self._ends.get_nowait()
            except _queue.Empty:
                break
            self._running[ctx.run.queue] -= 1
            if ctx.is_cancelled():
                self._forget(ctx)  # cancelled or lost: nothing is written
            elif error is None:
                done.append((ctx, result))
            else:
                failed.append((ctx, error))
        if done:
            conn.execute(self.app.sql.complete, ([c.run_id for c, _ in done], self.worker_id,
                                                 [r for _, r in done])).fetchall()
        for ctx, error in failed:
            conn.execute(self.app.sql.fail, (ctx.run_id, self.worker_id, p.error_text(error),
                                             not isinstance(error, p.PermanentFailure))).fetchall()
        for ctx, _ in done + failed:
            self._forget(ctx)

    def _forget(self, ctx: TaskContext):
        with self._held_lock:
            self._held.pop(ctx.run_id, None)

    def _drain(self, conn, executor):
        deadline = time.monotonic() + getattr(self, "_shutdown_timeout", self.app.config.shutdown_timeout)
        while sum(self._running.values()) > 0 and time.monotonic() < deadline:
            self._wake.wait(0.05)
            self._wake.clear()
            self._record_ends(conn)
        with self._held_lock:
            left = list(self._held)
        if left:
            conn.execute(self.app.sql.release, (left, self.worker_id)).fetchall()

    # helper threads

    def _listen(self):
        while not self._stopping.is_set():
            try:
                with _connect(self.app.config.url) as conn:
                    conn.execute("LISTEN " + self.app.sql.spawn_channel)
                    while not self._stopping.is_set():
                        if any(n.extra.decode() in self.queues for n in _wait_notify(conn, 0.5)):
                            self._wake.set()
            except Exception:  # polling finds the work meanwhile
                log.warning("worker %s: LISTEN failed, polling until it is back", self.worker_id, exc_info=True)
                self._stopping.wait(self.app.config.poll_interval)

    def _keep_leases(self):
        """Extends every held lease once the oldest extension is a third of its lease old (woken by claims)."""
        conn = None
        while not self._stopped.is_set():
            with self._held_lock:
                held = list(self._held.values())
            now = time.monotonic()
            due = min([c.extended_at + c.run.lease.total_seconds() / 3 for c in held] or [now + 1.0])
            if held and due <= now:
                try:
                    conn = conn or _connect(self.app.config.url)
                    self._heartbeat(held, conn)
                except Exception:
                    log.warning("worker %s: heartbeat failed", self.worker_id, exc_info=True)
                    conn = None
                    self._stopped.wait(0.1)
                continue
            self._claimed.wait(max(0.01, due - now))
            self._claimed.clear()
        if conn is not None:
            conn.close()

    def _heartbeat(self, held: List[TaskContext], conn=None):
        now = time.monotonic()
        args = ([c.run_id for c in held], self.worker_id)
        if conn is None:
            rows = self.app.pool.run(self.app.sql.extend, args)
        else:
            rows = conn.execute(self.app.sql.extend, args).fetchall()
        by_id = {c.run_id: c for c in held}
        for c in held:
            c.extended_at = now
        for run_id, outcome in rows:
            if outcome == "cancelled":
                by_id[run_id].cancelled.set()
            elif outcome == "lease_lost":
                by_id[run_id].lost.set()
