"""Ctrl+C reaches a command whose main thread waits for its workers, whichever thread the kernel hands it
to.

Python runs a signal's handler only in the main thread, and only when that thread runs: a SIGINT delivered to
a worker thread while the main thread sleeps in an untimed wait is felt only when the work ends (a deploy
that went on to record the project it was told to cancel). ``signal.pthread_kill`` hands the signal to the
worker itself, the case a loaded machine produces at random.
"""

import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from deeplens_gui.cli.common import INTERRUPT_POLL, results_of

#: when the signal is sent after the wait began (seconds)
DELAY = 0.3
pytestmark = pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="needs POSIX threads' signals")


def test_ctrl_c_given_to_a_worker_thread_interrupts_the_wait_for_results():
    release = threading.Event()
    started = threading.Event()
    worker_ident = []

    def work():
        worker_ident.append(threading.get_ident())
        started.set()
        release.wait(30)  # a long deploy step; the test releases it in any case
        return "finished"

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="test-interrupt")
    try:
        futures = [pool.submit(work)]
        assert started.wait(10)
        began = time.monotonic()
        # sent once this thread waits in results_of (the handler may run at once, so raises is entered first)
        with pytest.raises(KeyboardInterrupt):
            timer = threading.Timer(DELAY, signal.pthread_kill, (worker_ident[0], signal.SIGINT))
            timer.start()
            results_of(futures)
        timer.join()
        waited = time.monotonic() - began
        # felt within the poll interval, not when the work ended (it has not)
        assert not futures[0].done() and waited < DELAY + 1.0, waited
    finally:
        release.set()
        pool.shutdown(wait=True)


def test_results_come_in_the_order_of_the_futures_not_of_their_ends():
    first_may_end = threading.Event()
    with ThreadPoolExecutor(max_workers=3) as pool:
        first = pool.submit(lambda: first_may_end.wait(10) and "a")
        others = [pool.submit(lambda value=value: value) for value in ("b", "c")]
        # the first ends last, two polls after the others
        others[-1].add_done_callback(
            lambda _future: threading.Timer(2 * INTERRUPT_POLL, first_may_end.set).start())
        assert results_of([first] + others) == ["a", "b", "c"]
