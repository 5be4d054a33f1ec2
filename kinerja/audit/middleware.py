"""Requests record what their user does: no command's name may leak into them."""

from .context import written_by


class RequestSourceMiddleware:
    """Every request runs with a blank audit source (see ``kinerja.audit.context``), also
    when it is served in the thread of a command that set one, e.g. ``kinerja runserver
    --nothreading``. A view may still name an automatic action inside it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with written_by(""):
            return self.get_response(request)
