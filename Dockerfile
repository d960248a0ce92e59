# The image of docker-compose.yml: the application, its Debian libraries and the fonts of the
# documents (GB/T 9704 needs 仿宋/楷体/宋体/黑体; scripts/install_fonts.sh puts them in var/fonts).
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends make libpango-1.0-0 libpangoft2-1.0-0 fontconfig poppler-utils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml ./
COPY . .
RUN pip install --no-cache-dir -e . && scripts/install_fonts.sh \
 && useradd --system --home /app linzi && mkdir -p /data/media var && chown -R linzi /data var
ENV DJANGO_DEBUG=0
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput -v0
USER linzi
EXPOSE 8000
CMD ["scripts/serve.sh", "web"]
