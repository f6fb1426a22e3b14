"""spool_tasks: a Python client of spool-tasks, the durable task queue in PostgreSQL.

It speaks the queue's SQL protocol only (the schema's functions: ``spawn_task``, ``claim_task``,
``extend_leases``, ``complete_runs``, ``fail_run``, ``save_step``, ...), so Python and Java producers and
workers share one queue. ``Application``/``Worker`` are synchronous (handlers on threads);
``AsyncApplication``/``AsyncWorker`` run on asyncio with psycopg's AsyncConnection.
"""
from ._protocol import (Claimed, Config, LeaseLost, PermanentFailure, SpawnResult, TaskError, TaskInfo, decode,
                        encode)
from .aio import AsyncApplication, AsyncTaskContext, AsyncWorker
from .sync import Application, TaskContext, Worker

__all__ = ["Application", "AsyncApplication", "AsyncTaskContext", "AsyncWorker", "Claimed", "Config", "LeaseLost",
           "PermanentFailure", "SpawnResult", "TaskContext", "TaskError", "TaskInfo", "Worker", "decode", "encode"]
