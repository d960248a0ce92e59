from django.apps import AppConfig


class ScheduleConfig(AppConfig):
    """django-celery-beat's tasks and schedules shown in the admin through proxy models
    (``models.py``), so that they read in Chinese without touching the library's classes."""

    name = "bootstrap.schedule"
    label = "schedule"
    verbose_name = "周期任务"
    default_auto_field = "django.db.models.AutoField"
