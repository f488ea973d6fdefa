# Production server settings. No web worker renders a PDF (the task worker, `manage.py db_worker`, does), so a
# request is short and a worker's memory stays flat: recycle rarely, and spread it (with 50,000 ± 25,000 requests the
# workers never restart at the same moment; at 200 requests a second a worker restarts every few minutes, not every
# few seconds). The app is loaded once in the master, so a restarted worker is a fork, answering at once instead of
# after a second of imports (wrk at 50 readers: p99 1.4 s with 2,000 ± 1,000 and no preload).
import multiprocessing
import os

wsgi_app = "molenlanden.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
max_requests = 50000
max_requests_jitter = 25000
preload_app = True
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
