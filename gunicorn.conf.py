"""gunicorn settings, read from the working directory (the image's /app, the repository).

The portal is loaded once in the master, warmed up (talentbridge/wsgi.py), then forked: every
worker starts ready instead of paying about a second of CPU on its first requests, and the
workers share the loaded code's memory. The number of workers comes from WEB_CONCURRENCY
(gunicorn reads it; docker-compose.yml passes it) or --workers.
"""

preload_app = True
