"""Against a real schema (SPOOL_TEST_DATABASE_URL and SPOOL_TEST_SCHEMA, set by the Java test): bad input gets
the database's refusal with its SQLSTATE, results and retries, steps kept across attempts, leases."""
import asyncio
import os
import threading
import unittest
import uuid

import psycopg

import spool_tasks
from spool_tasks import PermanentFailure, TaskError
from spool_tasks._protocol import APPLICATION_NAME

URL = os.environ.get("SPOOL_TEST_DATABASE_URL")
SCHEMA = os.environ.get("SPOOL_TEST_SCHEMA", "spool_tasks")


@unittest.skipUnless(URL, "SPOOL_TEST_DATABASE_URL is not set (PythonClientTest sets it)")
class DatabaseTest(unittest.TestCase):
    def setUp(self):
        self.app = spool_tasks.Application({"url": URL, "schema": SCHEMA, "poll_interval": 0.1,
                                            "queues": {"unit": 4}})

    def tearDown(self):
        self.app.close()

    def test_a_missing_schema_is_named(self):
        with self.assertRaisesRegex(TaskError, "schema 'no_such_schema' has no spool-tasks functions"):
            spool_tasks.Application({"url": URL, "schema": "no_such_schema"})

    def test_the_database_refuses_what_java_refuses(self):
        with self.assertRaises(TaskError) as caught:
            self.app.spawn_task("unit-bad", {}, queue="unit", priority=99999)
        self.assertEqual(caught.exception.sqlstate, "22023")
        self.assertIn("priority of task 1 of the batch", str(caught.exception))
        with self.assertRaises(TaskError) as caught:
            self.app.spawn_task("unit-bad", {}, queue="unit", lease=0.01)
        self.assertIn("lease", str(caught.exception))
        with self.assertRaisesRegex(TypeError, "spawn_task has no option colour"):
            self.app.spawn_task("unit-bad", {}, colour="red")

    def test_idempotency_key_spawns_once(self):
        key = "unit:" + uuid.uuid4().hex  # a key is held while its task is stored
        a = self.app.spawn_task("unit-idem", 1, queue="unit-idle", idempotency_key=key)
        b = self.app.spawn_task("unit-idem", 2, queue="unit-idle", idempotency_key=key)
        self.assertTrue(a.created)
        self.assertFalse(b.created)
        self.assertEqual(a.task_id, b.task_id)
        self.assertTrue(self.app.cancel(a.task_id))
        self.assertEqual(self.app.result(a.task_id).state, "cancelled")

    def test_a_failing_step_task_retries_and_keeps_its_steps(self):
        calls = {"step": 0, "handler": 0}

        def flaky(ctx, params):
            calls["handler"] += 1
            value = ctx.step("once", lambda: (calls.__setitem__("step", calls["step"] + 1), params["v"])[1])
            if ctx.attempt < 3:
                raise RuntimeError("not yet")
            return {"v": value, "attempt": ctx.attempt}

        def dies(ctx, params):
            raise PermanentFailure("no")

        worker = self.app.create_worker("unit-w").register("unit-flaky", flaky).register("unit-dies", dies)
        spawned = self.app.spawn_task("unit-flaky", {"v": 7}, queue="unit", max_attempts=5, backoff_base=0.01,
                                      backoff_max=0.02)
        dead = self.app.spawn_task("unit-dies", None, queue="unit", max_attempts=5)
        with worker:
            info = self.app.await_result(spawned.task_id, timeout=30)
            gone = self.app.await_result(dead.task_id, timeout=30)
        self.assertEqual(info.state, "completed")
        self.assertEqual(info.result_json(), {"v": 7, "attempt": 3})
        self.assertEqual(calls, {"step": 1, "handler": 3})
        self.assertEqual((gone.state, gone.attempt), ("dead", 1))
        self.assertIn("PermanentFailure: no", gone.error)

    def test_a_long_task_keeps_its_lease_by_heartbeats(self):
        release = threading.Event()

        def slow(ctx, params):
            release.wait(3)
            return "done"

        spawned = self.app.spawn_task("unit-slow", None, queue="unit", lease=0.5, max_attempts=1)
        with self.app.create_worker("unit-slow-w").register("unit-slow", slow):
            info = self.app.await_result(spawned.task_id, timeout=30)
        self.assertEqual((info.state, info.result_json()), ("completed", "done"))

    def _drop_client_connections(self):
        """Ends every connection of this client but the caller's, as a server restart would."""
        with psycopg.connect(URL, autocommit=True) as admin:
            return admin.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                 "WHERE application_name = %s AND pid <> pg_backend_pid()",
                                 (APPLICATION_NAME,)).fetchone()[0]

    def test_workers_reconnect_when_their_connections_drop(self):
        def echo(ctx, params):
            return params

        async def async_echo(ctx, params):
            return params

        async def go():
            aapp = await spool_tasks.AsyncApplication.open({"url": URL, "schema": SCHEMA, "poll_interval": 0.1,
                                                            "queues": {"unit-rc-async": 2}})
            aworker = aapp.create_worker("unit-rc-async-w").register("unit-rc-async", async_echo)
            running = asyncio.ensure_future(aworker.run())
            loop = asyncio.get_running_loop()
            first = await aapp.spawn_task("unit-rc-async", 1, queue="unit-rc-async")
            self.assertEqual((await aapp.await_result(first.task_id, 10)).result_json(), 1)
            with self.app.create_worker("unit-rc-w", {"unit-rc": 2}).register("unit-rc", echo):
                before = self.app.spawn_task("unit-rc", 1, queue="unit-rc")
                self.assertEqual(self.app.await_result(before.task_id, 10).result_json(), 1)
                dropped = await loop.run_in_executor(None, self._drop_client_connections)
                self.assertGreaterEqual(dropped, 4)   # each worker's claim loop and LISTEN at least
                await asyncio.sleep(0.3)
                after = self.app.spawn_task("unit-rc", 2, queue="unit-rc")  # its idle connections were ended too
                info = await loop.run_in_executor(None, self.app.await_result, after.task_id, 10)
                self.assertEqual((info.state, info.result_json()), ("completed", 2))
            second = await aapp.spawn_task("unit-rc-async", 2, queue="unit-rc-async")
            self.assertEqual((await aapp.await_result(second.task_id, 10)).result_json(), 2)
            aworker.stop()
            await running
            await aapp.close()
        asyncio.run(go())

    def test_asyncio_spawn_and_result(self):
        async def go():
            async with await spool_tasks.AsyncApplication.open({"url": URL, "schema": SCHEMA}) as app:
                s = await app.spawn_task("unit-async", {"x": 1}, queue="unit-idle")
                info = await app.result(s.task_id)
                return info.state, info.params_json(), await app.cancel(s.task_id)
        self.assertEqual(asyncio.run(go()), ("pending", {"x": 1}, True))


if __name__ == "__main__":
    unittest.main()
