"""The SQL protocol of spool-tasks, shared by the synchronous and the asyncio client.

Everything here is pure: the statements (one per schema function a client calls), how params and results are
encoded, and the records rows become. No connection is opened in this module.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import re
import traceback
from typing import Any, Mapping, Optional

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_TERMINAL = ("completed", "dead", "cancelled")


class TaskError(Exception):
    """A request the queue refused or could not answer; ``sqlstate`` is PostgreSQL's code when it has one."""

    def __init__(self, message: str, sqlstate: Optional[str] = None):
        super().__init__(message)
        self.sqlstate = sqlstate


class PermanentFailure(Exception):
    """Raised by a handler: the task is dead at once, without the retries its attempts would allow."""


class LeaseLost(Exception):
    """The worker no longer holds the run's lease (it expired, or the task was cancelled): stop, write nothing."""


@dataclasses.dataclass(frozen=True)
class Config:
    """Where the queue lives and how a client polls it.

    ``url`` is a libpq connection string or URL; ``schema`` the spool-tasks schema (created by the Java
    ``Application`` or by ``psql -f spool-tasks.sql``); ``queues`` maps each queue a worker serves to the handlers
    it runs at once; ``poll_interval`` (seconds) is how often a worker claims without a notification.
    """

    url: str
    schema: str = "spool_tasks"
    queues: Mapping[str, int] = dataclasses.field(default_factory=lambda: {"default": 10})
    poll_interval: float = 1.0
    pool_size: int = 4
    shutdown_timeout: float = 10.0

    def __post_init__(self):
        if not isinstance(self.url, str) or not self.url.strip():
            raise ValueError("Config.url must be a PostgreSQL connection string, got %r" % (self.url,))
        if not _IDENTIFIER.match(self.schema or ""):
            raise ValueError("Config.schema must be a lower-case SQL identifier, got %r" % (self.schema,))
        check_queues(self.queues)
        if not self.poll_interval > 0:
            raise ValueError("Config.poll_interval must be positive seconds, got %r" % (self.poll_interval,))
        if self.pool_size < 1:
            raise ValueError("Config.pool_size must be at least 1, got %r" % (self.pool_size,))

    @staticmethod
    def of(config: Any) -> "Config":
        """A Config from a Config, a URL string, or a dict of Config's fields."""
        if isinstance(config, Config):
            return config
        if isinstance(config, str):
            return Config(url=config)
        if isinstance(config, Mapping):
            return Config(**config)
        raise TypeError("config must be a Config, a URL string or a dict, got %s" % type(config).__name__)


APPLICATION_NAME = "spool_tasks python"


def connect_args(url: str) -> dict:
    """Keyword arguments for psycopg's connect: autocommit, and an application_name (unless the URL gives one)
    that names the client in pg_stat_activity."""
    from psycopg.conninfo import conninfo_to_dict
    args = {"autocommit": True}
    if "application_name" not in conninfo_to_dict(url):
        args["application_name"] = APPLICATION_NAME
    return args


def stale(conn) -> bool:
    """Whether an idle connection is unusable: closed, broken, or with bytes waiting (an idle autocommit
    connection that does not LISTEN gets none, but the server's farewell when it ends the session)."""
    import select
    if conn.closed or conn.broken:
        return True
    return bool(select.select([conn.fileno()], [], [], 0)[0])


def check_queues(queues: Mapping[str, int]) -> dict:
    if not queues:
        raise ValueError("a worker needs at least one queue")
    for name, concurrency in queues.items():
        if not isinstance(name, str) or not name.strip():
            raise ValueError("queue names must not be blank, got %r" % (name,))
        if not isinstance(concurrency, int) or concurrency < 1:
            raise ValueError("queue %r needs a concurrency of at least 1, got %r" % (name, concurrency))
    return dict(queues)


@dataclasses.dataclass(frozen=True)
class SpawnResult:
    """A spawned task: ``created`` is False when the idempotency key was taken (the ids are the first task's)."""

    task_id: int
    run_id: int
    attempt: int
    created: bool


@dataclasses.dataclass(frozen=True)
class TaskInfo:
    """A task as stored: its state, attempt, and the result (bytes) or the last error."""

    task_id: int
    name: str
    queue: str
    state: str
    attempt: int
    max_attempts: int
    params: bytes
    result: Optional[bytes]
    error: Optional[str]

    @property
    def finished(self) -> bool:
        return self.state in _TERMINAL

    def result_json(self) -> Any:
        """The result read as JSON (None for an empty result)."""
        return decode(self.result)

    def params_json(self) -> Any:
        return decode(self.params)


@dataclasses.dataclass(frozen=True)
class Claimed:
    """One run a worker claimed: what its handler needs, and the lease it holds."""

    run_id: int
    task_id: int
    attempt: int
    name: str
    params: bytes
    headers: dict
    lease: _dt.timedelta
    queue: str


def encode(value: Any) -> bytes:
    """Params and results are bytes: bytes pass as they are, None is empty, anything else is written as JSON."""
    if value is None:
        return b""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def decode(data: Optional[bytes]) -> Any:
    """JSON bytes as a Python value; None or empty bytes as None."""
    if data is None or len(data) == 0:
        return None
    return json.loads(bytes(data).decode("utf-8"))


def error_text(exc: BaseException) -> str:
    """The run's error: the traceback, as Java stores a stack trace (NUL, which text cannot hold, replaced)."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return text.replace("\x00", "\ufffd")


def seconds(value: Any) -> Optional[_dt.timedelta]:
    """A duration given as seconds or a timedelta, as the interval the functions take."""
    if value is None or isinstance(value, _dt.timedelta):
        return value
    return _dt.timedelta(seconds=float(value))


class Statements:
    """The statements a client sends, for one schema; each calls one of the schema's functions."""

    def __init__(self, schema: str):
        s = schema
        self.schema = s
        self.spawn_channel = s + "_spawn"
        self.done_channel = s + "_done"
        self.exists = "SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace " \
                      "WHERE n.nspname = %s AND p.proname = 'claim_task'"
        self.spawn_task = (
            "SELECT task_id, run_id, attempt, created FROM " + s + ".spawn_task("
            "p_name => %(name)s, p_params => %(params)s, p_queue => %(queue)s, p_priority => %(priority)s, "
            "p_run_at => %(run_at)s, p_max_attempts => %(max_attempts)s, p_idempotency_key => %(key)s, "
            "p_headers => %(headers)s::jsonb, p_lease => %(lease)s, p_backoff_base => %(backoff_base)s, "
            "p_backoff_max => %(backoff_max)s, p_backoff_jitter => %(backoff_jitter)s, p_delay => %(delay)s)")
        self.spawn_tasks = (
            "SELECT ord, task_id, run_id, attempt, created FROM " + s + ".spawn_tasks("
            "p_names => %(names)s::text[], p_params => %(params)s::bytea[], p_queues => %(queues)s::text[]) "
            "ORDER BY ord")
        self.claim = ("SELECT run_id, task_id, attempt, name, params, headers, lease FROM " + s
                      + ".claim_task(%s, %s, %s, %s::text[])")
        self.extend = "SELECT run_id, outcome FROM " + s + ".extend_leases(%s::bigint[], %s)"
        self.complete = "SELECT run_id, outcome FROM " + s + ".complete_runs(%s::bigint[], %s, %s::bytea[])"
        self.fail = "SELECT outcome FROM " + s + ".fail_run(%s, %s, %s, NULL, %s)"
        self.release = "SELECT " + s + ".release_runs(%s::bigint[], %s)"
        self.load_step = "SELECT result FROM " + s + ".steps WHERE task_id = %s AND name = %s"
        self.save_step = "SELECT " + s + ".save_step(%s, %s, %s, %s)"
        self.watch = "SELECT " + s + ".watch_task(%s)"
        self.task = ("SELECT task_id, name, queue, state, attempt, max_attempts, params, result, error FROM "
                     + s + ".tasks WHERE task_id = %s")
        self.cancel = "SELECT " + s + ".cancel_task(%s)"
        self.retry = "SELECT task_id, run_id, attempt FROM " + s + ".retry_task(%s)"


def spawn_args(name: str, params: Any, options: Mapping[str, Any]) -> dict:
    """The arguments of spawn_task: the options are spawn_task's keyword arguments (durations in seconds or
    timedeltas); one the function does not know is refused here, naming it."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError("a task needs a name, got %r" % (name,))
    unknown = set(options) - SPAWN_OPTIONS
    if unknown:
        raise TypeError("spawn_task has no option %s; it takes %s" % (", ".join(sorted(unknown)),
                                                                     ", ".join(sorted(SPAWN_OPTIONS))))
    o = dict.fromkeys(SPAWN_OPTIONS)
    o.update(options)
    return {"name": name, "params": encode(params), "queue": o["queue"], "priority": o["priority"],
            "run_at": o["run_at"], "delay": seconds(o["delay"]), "max_attempts": o["max_attempts"],
            "key": o["idempotency_key"], "headers": None if o["headers"] is None else json.dumps(dict(o["headers"])),
            "lease": seconds(o["lease"]), "backoff_base": seconds(o["backoff_base"]),
            "backoff_max": seconds(o["backoff_max"]), "backoff_jitter": o["backoff_jitter"]}


SPAWN_OPTIONS = frozenset({"queue", "priority", "run_at", "delay", "max_attempts", "idempotency_key", "headers",
                           "lease", "backoff_base", "backoff_max", "backoff_jitter"})


def task_info(row) -> Optional[TaskInfo]:
    if row is None:
        return None
    task_id, name, queue, state, attempt, max_attempts, params, result, error = row
    return TaskInfo(task_id, name, queue, state, attempt, max_attempts, bytes(params),
                    None if result is None else bytes(result), error)


def claimed(row, queue: str) -> Claimed:
    run_id, task_id, attempt, name, params, headers, lease = row
    return Claimed(run_id, task_id, attempt, name, bytes(params), headers or {}, lease, queue)


def check_schema_found(found, schema: str) -> None:
    if not found:
        raise TaskError("schema %r has no spool-tasks functions: create it first (a Java Application does, or "
                        "psql -1 -f spool-tasks/sql/spool-tasks.sql)" % schema)


class WorkerBase:
    """What both workers keep: the queues served (name to concurrency), the handlers by task name, the runs held
    (run id to context) and how many run per queue."""

    def __init__(self, app, worker_id: str, queues: Mapping[str, int]):
        if not isinstance(worker_id, str) or not worker_id.strip():
            raise ValueError("a worker needs an id, got %r" % (worker_id,))
        self.app = app
        self.worker_id = worker_id
        self.queues = check_queues(queues)
        self.handlers: dict = {}
        self._raw: dict = {}
        self._held: dict = {}
        self._running = {q: 0 for q in self.queues}

    def register(self, name: str, fn, *, raw: bool = False):
        """``fn(ctx, params)`` runs tasks of ``name``: params arrive read from JSON (bytes with ``raw=True``),
        its return value is stored (bytes as they are, anything else as JSON). Raising retries the task;
        raising :class:`PermanentFailure` makes it dead at once. In the asyncio worker ``fn`` may be a
        coroutine function. Returns the worker."""
        if not isinstance(name, str) or not name.strip():
            raise ValueError("a handler needs a task name, got %r" % (name,))
        if not callable(fn):
            raise TypeError("the handler for %r must be callable" % name)
        if name in self.handlers:
            raise ValueError("a handler for %r is registered already" % name)
        self.handlers[name] = fn
        self._raw[name] = raw
        return self

    def _names(self) -> list:
        if not self.handlers:
            raise ValueError("worker %r has no handlers: register one before run()" % self.worker_id)
        return sorted(self.handlers)

    def _params(self, ctx: "ContextBase"):
        return ctx.run.params if self._raw[ctx.name] else decode(ctx.run.params)


class ContextBase:
    """What a handler knows of its run, in either client: ids, attempt, name, headers, its worker."""

    def __init__(self, worker_id: str, run: Claimed):
        self.run = run
        self.task_id = run.task_id
        self.run_id = run.run_id
        self.attempt = run.attempt
        self.name = run.name
        self.headers = run.headers
        self.worker_id = worker_id


def step_data(value: Any) -> bytes:
    """A step's value as stored: JSON (a value that cannot be written as JSON fails the run at once)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def step_saved(outcome: str, name: str, task_id: int) -> bool:
    """save_step's answer: True when stored, False when another run stored it first (read that value back);
    raises LeaseLost when the run is no longer this worker's."""
    if outcome == "saved":
        return True
    if outcome == "exists":
        return False
    raise LeaseLost("step %r of task %d not stored: %s" % (name, task_id, outcome))
