"""The one door for background work.

Blocking work (database, OpenCV, PDF, imports) never runs on the GUI thread.
Callers use ``await tasks.db(fn, *args)`` for database work — serialised on
one worker thread, like Anki's task manager — and ``await tasks.cpu(fn, ...)``
for CPU work (images, PDFs) on a small pool.  The runner is injectable:
``InlineTasks`` runs everything synchronously for tests and the CLI.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Protocol, TypeVar

log = logging.getLogger("hms_desk.tasks")

T = TypeVar("T")


class Tasks(Protocol):
    async def db(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T: ...
    async def cpu(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T: ...
    def shutdown(self) -> None: ...


class ThreadTasks:
    def __init__(self, cpu_workers: int = 2) -> None:
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hms-db")
        self._cpu = ThreadPoolExecutor(max_workers=cpu_workers, thread_name_prefix="hms-cpu")

    async def _run(self, pool: ThreadPoolExecutor, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(pool, functools.partial(fn, *args, **kwargs))

    async def db(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await self._run(self._db, fn, *args, **kwargs)

    async def cpu(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await self._run(self._cpu, fn, *args, **kwargs)

    def shutdown(self) -> None:
        self._db.shutdown(wait=True, cancel_futures=True)
        self._cpu.shutdown(wait=True, cancel_futures=True)


class InlineTasks:
    """Runs work synchronously in the caller's thread (tests, CLI)."""

    async def db(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return fn(*args, **kwargs)

    async def cpu(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return fn(*args, **kwargs)

    def shutdown(self) -> None:
        pass
