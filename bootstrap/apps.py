from django.apps import AppConfig


class BootstrapConfig(AppConfig):
    """Project-level commands that set an installation up (the units, the shipped rule sets, demo
    data). The top layer: it may use every app, no app uses it."""

    name = "bootstrap"
    verbose_name = "安装与演示数据"
