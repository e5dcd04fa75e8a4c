# Production image: gunicorn serves the portal; the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml requirements.lock ./
COPY talentbridge/__init__.py talentbridge/
COPY mentors/__init__.py mentors/
COPY projects/__init__.py projects/
COPY events/__init__.py events/
RUN pip install -c requirements.lock -e .

COPY . .
RUN python manage.py compilemessages --ignore=.venv -v 0 \
    && DEBUG=0 SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput -v 0 \
    && useradd --system --home /app app \
    && mkdir -p /app/media && chown app /app/media

USER app
EXPOSE 8000
CMD ["gunicorn", "talentbridge.wsgi:application", "--bind", "0.0.0.0:8000"]
