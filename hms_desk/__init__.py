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

import os as _os

# OpenCV's worker threads sleep when they have nothing to do instead of spin-waiting (as onnxruntime's
# sessions are told to): between the live view's many small per-frame operations the spinning cost about
# 0.05 cores at 1080p30 (bench/live_blur.py).  Read by OpenCV when its thread pool starts, so set here,
# before anything imports cv2; a value set outside is kept.
for _name in ("OPENCV_THREAD_POOL_ACTIVE_WAIT_WORKER", "OPENCV_THREAD_POOL_ACTIVE_WAIT_MAIN",
              "OPENCV_THREAD_POOL_ACTIVE_WAIT_PAUSE_LIMIT"):
    _os.environ.setdefault(_name, "0")

__version__ = "0.1.0"
APP_NAME = "HMS Desk"
APP_ID = "hms-desk"
