"""Sort headers and pagers for the lists: links that keep the list's filters and search."""

from __future__ import annotations

from django import template

register = template.Library()


@register.inclusion_tag("claims/_sort_header.html", takes_context=True)
def sort_header(
    context: template.Context, key: str, label: str, target: str = "", css_class: str = ""
) -> dict:
    """A column heading that sorts the list by ``key``, and the other way when it already does.

    ``current_ordering`` in the context is the list's sort as it stands ("-updated"
    by default); ``target`` is the element htmx swaps, empty for a plain link.
    """
    current = context.get("current_ordering", "")
    if current == key:
        direction, following = "ascending", f"-{key}"
    elif current == f"-{key}":
        direction, following = "descending", key
    else:
        direction, following = "", key
    return {
        "label": label,
        "direction": direction,
        "ordering": following,
        "target": target,
        "css_class": css_class,
    }
