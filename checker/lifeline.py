"""Worker processes that end when the process that started them ends, however it ends."""

from __future__ import annotations

import contextlib
import os

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5


def die_with(client: int) -> None:
    """End this worker when ``client`` (checker report, checker check -j) ends, SIGKILL too.

    A worker's parent is the forkserver, not the client, so two guards: the kernel kills the
    worker when its parent dies (Linux ``PR_SET_PDEATHSIG``), and a daemon thread ends it within
    ``WATCH_SECONDS`` once the client's pid is gone (any platform, and whatever the forkserver
    does). A worker that could outlive its client would hold a model's memory forever.
    """
    import signal
    import sys
    import threading
    import time

    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)

    def watch() -> None:
        while _alive(client):
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="checker-client-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
