"""stories: reports of the same news story from several outlets, grouped as they arrive.

``doc_from_record(record)`` makes a ``StoryDoc`` from a JSON record; ``features(doc)`` summarises
it (pure, JSON-ready: it is computed in worker processes and stored with the article);
``StoryGrouper.add(...)`` puts the article into an earlier article's story or starts a new one.
``StoryGrouper.restore(...)`` replays stored decisions after a restart.
"""

from __future__ import annotations

from eventwire.stories.doc import StoryDoc, doc_from_record
from eventwire.stories.fingerprint import features
from eventwire.stories.grouper import StoryGrouper

__all__ = ["StoryDoc", "StoryGrouper", "doc_from_record", "features"]
