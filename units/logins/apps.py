from django.apps import AppConfig


class LoginsConfig(AppConfig):
    """django-axes's records shown in the admin through proxy models (``models.py``), so that they
    read in Chinese without touching the library's classes."""

    name = "units.logins"
    label = "logins"
    verbose_name = "登录安全"
    default_auto_field = "django.db.models.AutoField"
