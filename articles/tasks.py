"""Background tasks, run by `manage.py db_worker` processes: thin functions taking primary keys.
The work is in articles/imports/."""

from django.tasks import TaskContext, task


@task(takes_context=True)
def import_items(context: TaskContext, batch_id: int) -> dict[str, int]:
    """Import the unfinished files handed to this task; return how many ended how."""
    # Here, not at the top: articles/imports/ queues this task.
    from articles.imports.items import import_queued_items

    return import_queued_items(batch_id, context.task_result.id)
