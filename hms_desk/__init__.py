"""HMS Desk — video support, device lookup and parts ordering for NAV HMS.

Layers (see README "Architecture"):
  platform/  settings, paths, logging, secrets, background-work door (no Qt)
  domain/    value types and NAV's rules (no Qt, no database)
  storage/   SQLAlchemy models, engine, Alembic migrations
  catalog/   importers and the synthetic device register
  services/  use cases: lookup, cases, captures, journal, audit
  parts/     parts assistant: parts that fit, order rules, orders
  documents/ PDF writers (reportlab)
  video/     frame sources, pipeline, anonymisation (no Qt)
  ui/        Qt widgets only
  app.py     the one composition root;  cli.py  the command line
"""

__version__ = "0.1.0"
APP_NAME = "HMS Desk"
APP_ID = "hms-desk"
