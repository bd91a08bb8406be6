"""search indexes: devices by serial, product full-text search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:00:00

* ``ix_devices_serial_hmsnr`` on devices(serial, hmsnr): the forgiving serial
  search looks candidate serials up without an HMS-nr (the unique constraint
  leads with hmsnr, so it cannot serve those).  It covers hmsnr, so a
  candidate probe never touches the table.
* ``product_search``: one row per product with the words a technician
  searches by (HMS-nr, product and article name, supplier, supplier's ref,
  series name), kept in sync with ``products`` and ``series`` by triggers.
  SQLite: an FTS5 table (unicode61, diacritics folded, prefix indexes), its
  rowid is the HMS-nr as a number.  PostgreSQL: a plain table whose ``doc``
  (lower-cased words) has a pg_trgm GIN index for ``LIKE '%…%'`` queries.
"""
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_SERIES_NAME = "(SELECT s.name FROM series s WHERE s.id = {ref}.series_id)"

_SQLITE = [
    """CREATE VIRTUAL TABLE product_search USING fts5(
        hmsnr, name, article_name, supplier, supplier_ref, series,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')""",
    f"""CREATE TRIGGER product_search_ai AFTER INSERT ON products BEGIN
        INSERT INTO product_search(rowid, hmsnr, name, article_name, supplier, supplier_ref, series)
        VALUES (CAST(new.hmsnr AS INTEGER), new.hmsnr, new.name, new.article_name, new.supplier_name,
                new.supplier_ref, coalesce({_SERIES_NAME.format(ref='new')}, ''));
    END""",
    f"""CREATE TRIGGER product_search_au AFTER UPDATE ON products BEGIN
        DELETE FROM product_search WHERE rowid = CAST(old.hmsnr AS INTEGER);
        INSERT INTO product_search(rowid, hmsnr, name, article_name, supplier, supplier_ref, series)
        VALUES (CAST(new.hmsnr AS INTEGER), new.hmsnr, new.name, new.article_name, new.supplier_name,
                new.supplier_ref, coalesce({_SERIES_NAME.format(ref='new')}, ''));
    END""",
    """CREATE TRIGGER product_search_ad AFTER DELETE ON products BEGIN
        DELETE FROM product_search WHERE rowid = CAST(old.hmsnr AS INTEGER);
    END""",
    """CREATE TRIGGER product_search_series_au AFTER UPDATE OF name ON series BEGIN
        UPDATE product_search SET series = new.name
        WHERE rowid IN (SELECT CAST(p.hmsnr AS INTEGER) FROM products p WHERE p.series_id = new.id);
    END""",
    f"""INSERT INTO product_search(rowid, hmsnr, name, article_name, supplier, supplier_ref, series)
        SELECT CAST(p.hmsnr AS INTEGER), p.hmsnr, p.name, p.article_name, p.supplier_name, p.supplier_ref,
               coalesce({_SERIES_NAME.format(ref='p')}, '')
        FROM products p""",
]

_PG_DOC = ("lower(concat_ws(' ', p.hmsnr, p.name, p.article_name, p.supplier_name, p.supplier_ref, "
           "(SELECT s.name FROM series s WHERE s.id = p.series_id)))")

_POSTGRES = [
    """CREATE TABLE product_search (
        hmsnr varchar(6) PRIMARY KEY REFERENCES products(hmsnr) ON DELETE CASCADE,
        doc text NOT NULL)""",
    f"""CREATE FUNCTION product_search_refresh(target varchar) RETURNS void AS $$
        INSERT INTO product_search(hmsnr, doc)
        SELECT p.hmsnr, {_PG_DOC} FROM products p WHERE p.hmsnr = target
        ON CONFLICT (hmsnr) DO UPDATE SET doc = excluded.doc;
    $$ LANGUAGE sql""",
    """CREATE FUNCTION product_search_products_trg() RETURNS trigger AS $$
    BEGIN
        PERFORM product_search_refresh(NEW.hmsnr);
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER product_search_aiu AFTER INSERT OR UPDATE ON products
        FOR EACH ROW EXECUTE FUNCTION product_search_products_trg()""",
    """CREATE FUNCTION product_search_series_trg() RETURNS trigger AS $$
    BEGIN
        PERFORM product_search_refresh(p.hmsnr) FROM products p WHERE p.series_id = NEW.id;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER product_search_series_au AFTER UPDATE OF name ON series
        FOR EACH ROW EXECUTE FUNCTION product_search_series_trg()""",
    f"INSERT INTO product_search(hmsnr, doc) SELECT p.hmsnr, {_PG_DOC} FROM products p",
]


def upgrade() -> None:
    op.create_index("ix_devices_serial_hmsnr", "devices", ["serial", "hmsnr"], unique=False)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for sql in _SQLITE:
            op.execute(sql)
    elif dialect == "postgresql":
        for sql in _POSTGRES:
            op.execute(sql)
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")      # contrib, part of PostgreSQL
        op.execute("CREATE INDEX ix_product_search_doc_trgm ON product_search USING gin (doc gin_trgm_ops)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("product_search_ai", "product_search_au", "product_search_ad", "product_search_series_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS product_search")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS product_search_series_au ON series")
        op.execute("DROP TRIGGER IF EXISTS product_search_aiu ON products")
        op.execute("DROP TABLE IF EXISTS product_search")
        op.execute("DROP FUNCTION IF EXISTS product_search_series_trg()")
        op.execute("DROP FUNCTION IF EXISTS product_search_products_trg()")
        op.execute("DROP FUNCTION IF EXISTS product_search_refresh(varchar)")
    op.drop_index("ix_devices_serial_hmsnr", table_name="devices")
