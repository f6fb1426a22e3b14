"""Python as the producer, for the Java tests: python3 spawn_and_await.py URL SCHEMA NAME COUNT [async].

Spawns COUNT tasks of NAME with params {"n": i}, awaits each result and prints one line per task:
"<task_id> <state> <result JSON>".
"""
import asyncio
import sys

import spool_tasks


def main():
    url, schema, name, count = sys.argv[1:5]
    if len(sys.argv) > 5 and sys.argv[5] == "async":
        asyncio.run(run_async(url, schema, name, int(count)))
        return
    with spool_tasks.Application({"url": url, "schema": schema}) as app:
        spawned = [app.spawn_task(name, {"n": i}, max_attempts=3) for i in range(int(count))]
        for s in spawned:
            info = app.await_result(s.task_id, timeout=60)
            print(s.task_id, info.state, info.result.decode(), flush=True)


async def run_async(url, schema, name, count):
    async with await spool_tasks.AsyncApplication.open({"url": url, "schema": schema}) as app:
        spawned = [await app.spawn_task(name, {"n": i}) for i in range(count)]
        for s in spawned:
            info = await app.await_result(s.task_id, timeout=60)
            print(s.task_id, info.state, info.result.decode(), flush=True)


if __name__ == "__main__":
    main()
