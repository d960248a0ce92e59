from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom layer: value objects, calendar, import framework, formatting, the audited base
    model, history feed, charts and the XLSX writer. It knows no domain model."""

    name = "core"
    verbose_name = "公共"

    def ready(self) -> None:
        from django.urls import register_converter

        from .downloads import FileFormat

        register_converter(FileFormat, "fileformat")  # <fileformat:fmt>: pdf or xlsx, in every app's URLs
