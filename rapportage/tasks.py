"""Background tasks (Django's tasks framework, django-tasks backport): run by `manage.py db_worker`."""

from django_tasks import task


@task()
def pdf_maken(editie_id: int) -> str:
    from rapportage import renders

    return renders.maken(editie_id)
