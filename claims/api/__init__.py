"""The JSON API under /api/: the same claims, filters and workflow rules as the pages.

Reads use the querysets and ``ClaimFilter`` the pages use; every write goes
through ``claims.workflow``, so the API can do nothing a reviewer could not do
in the browser.
"""
