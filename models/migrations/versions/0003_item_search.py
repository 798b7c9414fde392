"""Item search: a keyset index for the item list and, on SQLite, an FTS5 text index.

* ``ix_item_received_at_id`` on ``item (received_at, id)``: the item list pages by
  ``(received_at DESC, id DESC)`` without OFFSET, and a bulk import gives thousands
  of items the same ``received_at``.
* ``item_search``: an external-content FTS5 table with the ``trigram`` tokenizer
  (substring search that works for Chinese) over each item's code, description and
  donor name. Its content is the view ``item_search_source``; triggers keep it in
  step with ``item``, ``donation_batch`` and ``donor``. Every indexed value ends with
  two spaces, so a one- or two-character search is the prefix of some trigram:
  ``item_search_vocab`` (fts5vocab) lists the trigrams to expand it to.
* The view also gives each item's category path (``服装 › 外套``), which is not in
  the index: models.items matches words against the few dozen category paths in
  Python, so renaming a category re-indexes nothing (re-indexing a category of
  120,000 items took 10 s, holding the write lock).

The FTS rowid is ``item.rowid``. A later batch migration that rebuilds one of these
tables (copy and move) drops the triggers and renumbers rowids: it must drop the FTS
objects first, recreate them after, and run ``rebuild``.

None of these objects is declared on the ORM; models.items.is_sql_only_object keeps
autogenerate from reporting them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 13:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The indexed columns; the view has these and more.
COLUMNS = "code, description, donor"

SOURCE_VIEW = """
CREATE VIEW item_search_source AS
SELECT
    item.rowid AS item_rowid,
    item.batch_id AS batch_id,
    item.code || '  ' AS code,
    item.description || '  ' AS description,
    COALESCE(parent.name || ' › ', '') || COALESCE(category.name, '') || '  ' AS category,
    COALESCE(donor.name, '') || '  ' AS donor
FROM item
LEFT JOIN item_category AS category ON category.id = item.category_id
LEFT JOIN item_category AS parent ON parent.id = category.parent_id
LEFT JOIN donation_batch AS batch ON batch.id = item.batch_id
LEFT JOIN donor ON donor.id = batch.donor_id
"""

FTS_TABLE = f"""
CREATE VIRTUAL TABLE item_search USING fts5(
    {COLUMNS},
    content='item_search_source',
    content_rowid='item_rowid',
    tokenize='trigram'
)
"""
# Its terms (trigrams), for expanding a one- or two-character search.
VOCAB_TABLE = "CREATE VIRTUAL TABLE item_search_vocab USING fts5vocab('item_search', 'row')"


# Only the constants of this file go into these statements.
def _add(where: str) -> str:
    return (
        f"INSERT INTO item_search(rowid, {COLUMNS}) "  # noqa: S608
        f"SELECT item_rowid, {COLUMNS} FROM item_search_source WHERE {where};"
    )


def _remove(where: str) -> str:
    return (
        f"INSERT INTO item_search(item_search, rowid, {COLUMNS}) "  # noqa: S608
        f"SELECT 'delete', item_rowid, {COLUMNS} FROM item_search_source WHERE {where};"
    )


# (name, timing and event, statement): BEFORE triggers take the old text out while the
# view still shows it, AFTER triggers put the new text in.
_DONOR_ITEMS = "batch_id IN (SELECT id FROM donation_batch WHERE donor_id = {0}.id)"
TRIGGERS = (
    ("item_search_item_ai", "AFTER INSERT ON item", _add("item_rowid = new.rowid")),
    ("item_search_item_bd", "BEFORE DELETE ON item", _remove("item_rowid = old.rowid")),
    (
        "item_search_item_bu",
        "BEFORE UPDATE OF code, description, batch_id ON item",
        _remove("item_rowid = old.rowid"),
    ),
    (
        "item_search_item_au",
        "AFTER UPDATE OF code, description, batch_id ON item",
        _add("item_rowid = new.rowid"),
    ),
    (
        "item_search_batch_bu",
        "BEFORE UPDATE OF donor_id ON donation_batch",
        _remove("batch_id = old.id"),
    ),
    (
        "item_search_batch_au",
        "AFTER UPDATE OF donor_id ON donation_batch",
        _add("batch_id = new.id"),
    ),
    ("item_search_donor_bu", "BEFORE UPDATE OF name ON donor", _remove(_DONOR_ITEMS.format("old"))),
    ("item_search_donor_au", "AFTER UPDATE OF name ON donor", _add(_DONOR_ITEMS.format("new"))),
)


def upgrade() -> None:
    op.create_index("ix_item_received_at_id", "item", ["received_at", "id"], unique=False)
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(SOURCE_VIEW)
    op.execute(FTS_TABLE)
    op.execute(VOCAB_TABLE)
    for name, when, statement in TRIGGERS:
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {statement} END")
    # Index whatever the database already holds.
    op.execute("INSERT INTO item_search(item_search) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name, _when, _statement in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS item_search_vocab")
        op.execute("DROP TABLE IF EXISTS item_search")
        op.execute("DROP VIEW IF EXISTS item_search_source")
    op.drop_index("ix_item_received_at_id", table_name="item")
