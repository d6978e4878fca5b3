"""Python's cycle collector paused while a knowledge base is built.

A build makes millions of small containers (each passage's and sentence's terms, the spelling
index's sets) and holds on to nearly all of them; the collector, triggered by every few hundred
new containers, walks the ever larger heap again and again for cycles that are not there. At
3,000 articles that was a fifth of a start's CPU time (measured: 20 s with it, 15.5 s without).
What a build throws away is freed by reference counting as always.

When the last build ends the collector runs once, over everything: the build's containers
(about 860,000 at 3,000 articles) are then walked at the end of the build, where start-up and
reload time is counted, and not by the first collections triggered after it, which walked them
while answering (two pauses of 0.35 s CPU in the bench's first 175 questions, its slowest
answers). Having seen them all, the collector waits for a quarter as many new survivors before
it walks them again; any cycle the build left is collected there too.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_builds = 0  # builds running now: several threads may build at once (tests, benches)
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector for the block; the last of several overlapping blocks to end
    puts it back as the first found it, and if it was running, runs it once."""
    global _builds, _was_enabled
    with _lock:
        if _builds == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _builds += 1
    try:
        yield
    finally:
        with _lock:
            _builds -= 1
            resumed = _builds == 0 and _was_enabled
            if resumed:
                gc.enable()
        if resumed:
            gc.collect()
