"""The scheduled jobs (django-celery-beat, 周期任务) in the admin, in Chinese: proxy models of its
task and schedule models named in Chinese, the office's own tasks by their Chinese names, and
every change written through :mod:`.services` so that beat picks it up."""
