"""Python's cycle collector paused while a knowledge base is built.

A build makes millions of small containers (each passage's and sentence's terms, the spelling
index's sets) and holds on to nearly all of them; the collector, triggered by every few hundred
new containers, walks the ever larger heap again and again for cycles that are not there. At
3,000 articles that was a fifth of a start's CPU time (measured: 20 s with it, 15.5 s without).
What a build throws away is freed by reference counting as always.

After the first build (a start, before any front end connects) every object alive is frozen
(gc.freeze: moved out of the collector's generations, never walked again, still freed by reference
counting as always): nearly all of them are the knowledge being served. Without the freeze, the
build's containers (about 860,000 at 3,000 articles) were walked by the first full collections
while answering (two pauses of 0.35 s CPU in the bench's first 175 questions). The first build
freezes without collecting first: that collection walked a million containers at 3,000 articles
(0.9 s CPU of a start) to find 585 unreachable objects, the same at any folder's size (the
imports' leftovers, such as onnx's message classes: about 0.2 MB), which are then kept for the
process's life. A later build (a reload) collects when it ends: the unchanged articles' objects
are the start's, frozen then, so the pass walks what was made since. It does not freeze again, because in a live server what
else is alive at a reload (the front ends' tasks, connections, tracebacks in worker threads)
would be frozen with it, and a cycle among frozen objects that later becomes garbage is never
collected: memory would grow a little with every reload. The knowledge itself leaves no cyclic
garbage (measured: dropping a served knowledge base of 3,000 articles leaves none to collect).
The collection and the freeze run under the lock, so a build starting meanwhile is not frozen
half made.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_builds = 0  # builds running now: several threads may build at once (tests, benches)
_was_enabled = False
_frozen = False  # the first build's objects were frozen: later builds only collect


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector for the block; the last of several overlapping blocks to end
    puts it back as the first found it, and if it was running, freezes what is alive after the
    first build or runs it once after a later one."""
    global _builds, _was_enabled, _frozen
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
            if _builds == 0 and _was_enabled:
                if _frozen:
                    gc.collect()
                else:
                    gc.freeze()
                    _frozen = True
                gc.enable()
