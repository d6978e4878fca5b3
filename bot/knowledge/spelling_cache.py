"""The spelling index of a first start read from disk when an earlier process made it for the same
words with the same code.

Making the index (bot.search.typos: every word stored under each string one or two deletions
make) was 9% of a start with every article's data on disk, 2.1 s CPU at 3,000 articles (27,000
words, 631,000 deletion strings); reading them back in marshal's format is 0.6 s. The index depends
on the vocabulary and on the code that makes the deletions alone, so the file holds a digest of
both and is used only when they match. One file per knowledge folder, named by the folder: a
start with other words writes over it, so a folder whose articles change often does not leave
one file of megabytes behind for each start. A reload needs no file: it changes the served index
by the words that differ. A file that cannot be read, decoded or written costs only making the
index, as before.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
from pathlib import Path
from typing import BinaryIO

from bot.knowledge.code_digest import code_version
from bot.ranking.cache_folder import write_atomically
from bot.search.typos import SpellingIndex

logger = logging.getLogger(__name__)

FOLDER_NAME = "spelling"


def kept_spelling_index(vocabulary: frozenset[str], knowledge_folder: Path, cache_folder: Path) -> SpellingIndex:
    """The spelling index of `vocabulary`, read from the cache folder when the last start of this
    knowledge folder kept the same one, else made and kept for the next start."""
    path = cache_folder / FOLDER_NAME / f"{hashlib.sha256(str(knowledge_folder.resolve()).encode('utf-8', 'surrogatepass')).hexdigest()[:32]}.marshal"
    key = _key(vocabulary)
    try:
        kept_key, deletions = marshal.loads(path.read_bytes())
        if kept_key == key and isinstance(deletions, dict):
            return SpellingIndex.from_deletions(vocabulary, deletions)
    except FileNotFoundError:
        pass
    except Exception as error:  # noqa: BLE001 -- any unreadable file only costs making the index
        logger.warning("Spelling index file %s could not be read (%s); making the index again", path.name, type(error).__name__)
    index = SpellingIndex(vocabulary)
    encoded = marshal.dumps((key, index.deletions()))

    def write(out: BinaryIO) -> None:
        out.write(encoded)

    try:
        write_atomically(path, write)
    except OSError as error:
        logger.warning("Spelling index could not be kept in %s (%s); the next start makes it again", path.parent, error)
    return index


def _key(vocabulary: frozenset[str]) -> str:
    """A digest of the code that makes the index and of every word (sorted: a set has no order)."""
    digest = hashlib.sha256(code_version("bot.search.typos").encode())
    for word in sorted(vocabulary):
        encoded = word.encode("utf-8", "surrogatepass")
        digest.update(f"\0{len(encoded)}\0".encode())
        digest.update(encoded)
    return digest.hexdigest()
