# Production server settings. Rendering a PDF is synchronous: the timeout sits well above the slowest render,
# and workers are recycled because WeasyPrint's memory is only given back when a process ends.
import multiprocessing
import os

wsgi_app = "molenlanden.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
max_requests = 500
max_requests_jitter = 50
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
