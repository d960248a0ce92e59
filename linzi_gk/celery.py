import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linzi_gk.settings")

app = Celery("linzi_gk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
