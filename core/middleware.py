from django.shortcuts import render


def friendly_method_not_allowed(get_response):
    """A page in Chinese instead of Django's empty 405 answer (e.g. opening a POST-only address)."""

    def middleware(request):
        response = get_response(request)
        if response.status_code == 405 and not response.content:
            friendly = render(request, "405.html", status=405)
            friendly["Allow"] = response.get("Allow", "")
            return friendly
        return response

    return middleware
