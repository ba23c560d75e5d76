from eventwire.store import Store


def test_open_creates_the_schema(db: str) -> None:
    with Store.open(db) as store:
        assert store.counts() == {"articles": 0, "stories": 0, "events": 0, "mentions": 0}
    with Store.open(db, create=False) as store:  # a second open finds it at the latest version
        assert store.counts()["articles"] == 0
