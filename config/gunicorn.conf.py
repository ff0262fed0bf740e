"""gunicorn settings for the web container and bench/load.py: ``gunicorn config.wsgi -c config/gunicorn.conf.py``.

Threads let a worker answer quick requests (cache hits, incident pages) while another thread waits on
a slow one (a first timeline, a CSV export), instead of queueing behind it; two processes use both
cores. Measured in docs/benchmarks.md (section "load").

Environment: WEB_CONCURRENCY (processes, default 2: one per core), GUNICORN_THREADS (per process,
default 4; 1 means sync workers), GUNICORN_TIMEOUT (seconds, default 60), GUNICORN_KEEPALIVE (seconds a
kept-alive connection waits for its next request, default 5), GUNICORN_BIND, GUNICORN_ACCESS_LOG
("" turns it off).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
