FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends make libpango-1.0-0 libpangoft2-1.0-0 fontconfig poppler-utils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml ./
COPY . .
RUN pip install --no-cache-dir -e . && (test ! -x scripts/install_fonts.sh || scripts/install_fonts.sh)
ENV DJANGO_DEBUG=0
RUN DJANGO_SECRET_KEY=collectstatic python manage.py collectstatic --noinput -v0
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py load_units && gunicorn linzi_gk.wsgi -b 0.0.0.0:8000 -w 3"]
