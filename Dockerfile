# The dashboard's front-end libraries (package-lock.json), copied to static/vendor/ by `make vendor`.
FROM node:20-bookworm AS vendor
WORKDIR /src
COPY Makefile package.json package-lock.json ./
COPY tools/basemap.js tools/
COPY incidents/data/basemap_cities.json incidents/data/
RUN make vendor

FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY . .
COPY --from=vendor /src/static/vendor static/vendor
# collectstatic needs settings that pass the production checks; these values are build-time only.
RUN DEBUG=false SECRET_KEY=build-only ALLOWED_HOSTS=build python manage.py collectstatic --noinput

# media/releases: the data releases (manage.py release), a volume in docker-compose.yml.
RUN useradd --system --uid 1000 basewatch && mkdir -p /app/media/releases && chown -R basewatch /app
USER basewatch
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--config", "config/gunicorn.conf.py"]
