"""gunicorn's settings for Factcheck in production: ``gunicorn -c ops/gunicorn.conf.py``.

Run from the project folder, with the app's settings in the environment (see
"Running in production" in the README). gunicorn itself reads ``PORT``,
``WEB_CONCURRENCY`` and ``FORWARDED_ALLOW_IPS``; ``GUNICORN_THREADS`` is ours.
Options given on the command line win over this file.
"""

from __future__ import annotations

import os

wsgi_app = "factcheck.wsgi:application"

# Every address: the load balancer in front reaches each app server over the network.
bind = [f"0.0.0.0:{os.environ.get('PORT', '8000')}"]

# Several processes, each with a few threads: a slow page (an export, a big list)
# holds one thread, not the server. Nothing is kept in a process's memory between
# requests, so any number of processes, on any number of machines, serve the same app.
workers = int(os.environ.get("WEB_CONCURRENCY") or (os.cpu_count() or 1) + 1)
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS") or 4)

# A connection per request: a kept-alive connection stays with the process that took
# it, so a few busy connections (a balancer's, or fifty reviewers' browsers) could
# load one process while the others idle. Under `make loadtest` (50 people, 2 cores,
# 60-s runs alternated) keep-alive gave a 95th percentile of 190-820 ms depending on
# how the connections fell; without it, 180-230 ms every time. The response says
# "Connection: close", so a balancer never reuses a connection gunicorn is closing.
keepalive = 0

# A worker that has not checked in for this long is stuck, and is replaced.
timeout = 60
graceful_timeout = 30
# A fresh process now and then, so that slow leaks in a library cannot pile up.
max_requests = 2000
max_requests_jitter = 200

# Both logs on the standard streams, for the service manager or the container runtime.
accesslog = "-"
errorlog = "-"
loglevel = "info"
