"""One database's benchmark: build it, then time the real pages, the export and the floor.

Run by ``bench.run`` in a process of its own per database (settings are read
once per process, and each database has its own DATABASE_URL):

    DATABASE_URL=sqlite:////tmp/x.sqlite3 python -m bench.measure --claims 20000

Every number comes from the app's own URLs, through ``django.test.Client`` with
a logged-in user: middleware, views, templates and the database, as in
production with DEBUG off (``bench.settings``). The connection is closed after
each request as Django does outside tests, so SQLite pays its connection
set-up on every request, as it does in production.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
import tracemalloc
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
WARMUP = 2
MIN_RUNS = 5
PAGE_BUDGET_S = 10.0


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the value below which ``fraction`` of the samples fall."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def machine() -> dict[str, Any]:
    """What the numbers were measured on, and how busy it was (other jobs share it)."""
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        # On an idle modern core this is ~10 µs; a larger number means a slower or busier CPU.
        "cpu_calibration_us": round(
            min(timeit.repeat("sum(range(1000))", number=2000, repeat=5)) / 2000 * 1e6, 1
        ),
    }


# --- pages ---------------------------------------------------------------------------


def measure_page(client, url: str, runs: int, headers: dict | None = None) -> dict[str, Any]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    headers = headers or {}
    for _n in range(WARMUP):
        response = client.get(url, headers=headers)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}, not 200")
    # Queries are counted in a run of their own: capturing them costs time.
    # (Each request empties the query log as it starts: start from an empty one.)
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    query_count = len(queries)  # now: the next request empties the log
    times: list[float] = []
    for _n in range(runs):
        started = time.perf_counter()
        response = client.get(url, headers=headers)
        times.append(time.perf_counter() - started)
        # A page of seconds (the admin's search at a million claims) is timed fewer
        # times: its median is as clear after five runs, and twenty would take minutes.
        if len(times) >= MIN_RUNS and sum(times) > PAGE_BUDGET_S:
            break
    return {
        "url": url,
        "median_ms": round(statistics.median(times) * 1000, 1),
        "p95_ms": round(percentile(times, 0.95) * 1000, 1),
        "queries": query_count,
        "bytes": len(response.content),
        "runs": len(times),
    }


def count_queries(client, url: str, headers: dict | None = None) -> int:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    # Counted on a second visit, as the page it is compared with was: a first visit to
    # an article reads its suggestions (and the subjects' names) before caching them.
    client.get(url, headers=headers or {})
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers or {})
    assert response.status_code == 200, url
    return len(queries)


def url_exists(name: str) -> bool:
    from django.urls import NoReverseMatch, reverse

    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


def half_archive_word(sample: int = 2000) -> str:
    """The word found in the share of claims nearest one half, from a sample of them."""
    from collections import Counter

    from claims.models import Claim

    texts = Claim.objects.order_by("?").values_list("search_text", flat=True)[:sample]
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        counts.update({word for word in text.split() if len(word) > 3})
        total += 1
    return min(counts, key=lambda w: abs(counts[w] / max(total, 1) - 0.5), default="p")


def pages(reviewer, admin, runs: int) -> list[dict[str, Any]]:
    """Each page of the workbench, then the admin's pages on the same data as the reference."""
    from django.conf import settings
    from django.db.models import Count
    from django.test import override_settings
    from django.urls import reverse

    from claims.models import Claim, Source, Subject

    page_size = settings.FACTCHECK_PAGE_SIZE
    total = Claim.objects.count()
    deep = min(1000, max(1, math.ceil(total / page_size) // 2))
    # Two published claims (a published one shows the most: verdicts, ClaimReview), the one
    # with the most evidence and the one with the least, to see the count stay the same.
    published = Claim.objects.filter(status="published").annotate(n=Count("evidence"))
    busy_claim = published.order_by("-n", "pk").first()
    quiet_claim = published.order_by("n", "pk").first()
    long_article = Source.objects.annotate(n=Count("appearances")).order_by("-n", "pk").first()
    short_article = Source.objects.annotate(n=Count("appearances")).order_by("n", "pk").first()

    claim_list = reverse("claim_list")
    htmx = {"HX-Request": "true"}
    changelist = reverse("admin:claims_claim_changelist")
    admin_deep = max(1, (deep - 1) * page_size // 100 + 1)
    plain = "admin changelist"
    filtered = "admin, status filter"
    searched = "admin, search “parametres”"
    deep_admin = f"admin, page {admin_deep} (same offset)"
    change_page = "admin, claim change page"
    reference = [
        (plain, changelist),
        (filtered, f"{changelist}?status__exact=in_research"),
        (searched, f"{changelist}?q=parametres"),
        (deep_admin, f"{changelist}?p={admin_deep}"),
        (change_page, reverse("admin:claims_claim_change", args=[busy_claim.pk])),
    ]
    # (name, url, kind, target ms, the admin page measured the same way, headers)
    status = f"{claim_list}?status=in_research"
    search = f"{claim_list}?q=parametres"
    deep_url = f"{claim_list}?page={deep}"
    # Half the archive, by the date claims were added.
    middle = Claim.objects.order_by("created_at").values_list("created_at", flat=True)[total // 2]
    added = f"{claim_list}?added_before={middle.date().isoformat()}"
    one_letter = f"{claim_list}?q=p"
    half_word = half_archive_word()
    common = f"{claim_list}?q={half_word}"
    workbench = [
        ("claims list, first page", claim_list, "list", 50, plain),
        # What a click on a filter or a page link fetches: the results, without the form.
        ("claims list, htmx results only", claim_list, "list", 50, plain, htmx),
        ("claims list, status filter", status, "list", 50, filtered),
        ("  the same, htmx results only", status, "list", 50, filtered, htmx),
        ("claims list, search “parametres”", search, "list", 100, searched),
        ("  the same, htmx results only", search, "list", 100, searched, htmx),
        # The worst a search box gets: one letter (every word starting with it), and a
        # word in about half the claims.
        ("claims list, search “p”", one_letter, "list", 100, searched),
        (f"claims list, search “{half_word}”", common, "list", 100, searched),
        ("claims list, added before a date", added, "list", 50, plain),
        ("  the same, htmx results only", added, "list", 50, plain, htmx),
        (f"claims list, page {deep}", deep_url, "list", 50, deep_admin),
        ("  the same, htmx results only", deep_url, "list", 50, deep_admin, htmx),
        ("claim page", busy_claim.get_absolute_url(), "claim", 50, change_page),
    ]
    if url_exists("dispute_list"):
        workbench.append(("dispute list", reverse("dispute_list"), "list", 50, plain))
    workbench.append(("article page", long_article.get_absolute_url(), "article", 50, plain))
    if url_exists("public_check_list"):
        # The public side: what readers, search engines and aggregators fetch.
        public_page = reverse("public_check", args=[busy_claim.pk])
        public_index = reverse("public_check_list")
        workbench.append(("public index", public_index, "list", 50, plain))
        # A reader's search: by the words of published statements only.
        workbench.append(
            (
                "public index, search “parametres”",
                f"{public_index}?q=parametres",
                "list",
                100,
                searched,
            )
        )
        workbench.append(("public index, search “p”", f"{public_index}?q=p", "list", 100, searched))
        workbench.append(("public check page", public_page, "public", 50, change_page))
    # The pages with a plot: the dispute with the most claims (its values drawn), the
    # subject with the most claims (its history), the dashboard (the desk's weeks).
    plotted: dict[str, tuple[str, str]] = {}
    if url_exists("dispute_list"):
        from claims.models import Dispute

        by_size = Dispute.objects.order_by("-claim_count", "pk")
        busy_dispute, quiet_dispute = by_size.first(), by_size.last()
        if busy_dispute is not None:
            workbench.append(
                ("dispute page, plot", busy_dispute.get_absolute_url(), "plot", 50, change_page)
            )
            plotted["dispute page, plot"] = (
                f"{quiet_dispute.claim_count}_claims",
                quiet_dispute.get_absolute_url(),
            )
    subjects = Subject.objects.annotate(n=Count("claims")).order_by("-n", "pk")
    busy_subject, quiet_subject = subjects.first(), subjects.filter(n__gt=0).last()
    subject_url = reverse("subject_detail", args=[busy_subject.pk])
    workbench.append(("subject page, history plot", subject_url, "plot", 50, change_page))
    plotted["subject page, history plot"] = (
        f"{quiet_subject.n}_claims",
        reverse("subject_detail", args=[quiet_subject.pk]),
    )
    workbench.append(("dashboard, desk charts", reverse("home"), "dashboard", 50, plain))

    results = []
    for name, url, kind, target, admin_page, *extra in workbench:
        headers = extra[0] if extra else None
        print(f"  {name} …", flush=True)
        row = {
            "page": name,
            "target_ms": target,
            "admin_page": admin_page,
            **measure_page(reviewer, url, runs, headers),
        }
        # Is the query count constant in what the page shows?
        if kind == "list":
            # (A page past the end shows the last page: still a full page.)
            counts = {}
            for size in (10, 100):
                with override_settings(FACTCHECK_PAGE_SIZE=size):
                    counts[f"page_size_{size}"] = count_queries(reviewer, url, headers)
            row["queries_by_size"] = counts
        elif kind == "public":
            row["queries_by_size"] = {
                f"{quiet_claim.n}_evidence": count_queries(
                    reviewer, reverse("public_check", args=[quiet_claim.pk])
                ),
                f"{busy_claim.n}_evidence": row["queries"],
            }
        elif kind == "plot":
            # The smallest of its kind against the largest: the same number of queries.
            label, small_url = plotted[name]
            shown = busy_dispute.claim_count if name.startswith("dispute") else busy_subject.n
            row["queries_by_size"] = {
                label: count_queries(reviewer, small_url),
                f"{shown}_claims": row["queries"],
            }
        elif kind == "dashboard":
            # Aggregates over every claim: one count, whatever the number of claims.
            row["queries_by_size"] = {f"{total}_claims": row["queries"]}
        elif kind == "claim":
            row["queries_by_size"] = {
                f"{quiet_claim.n}_evidence": count_queries(
                    reviewer, quiet_claim.get_absolute_url()
                ),
                f"{busy_claim.n}_evidence": row["queries"],
            }
        else:
            row["queries_by_size"] = {
                f"{short_article.n}_quotes": count_queries(
                    reviewer, short_article.get_absolute_url()
                ),
                f"{long_article.n}_quotes": row["queries"],
            }
        row["constant_queries"] = len(set(row["queries_by_size"].values())) == 1
        results.append(row)
    for name, url in reference:
        print(f"  {name} …", flush=True)
        results.append({"page": name, "reference": True, **measure_page(admin, url, runs)})
    return results


# --- export --------------------------------------------------------------------------


def consume(client, url: str, *, trace_memory: bool) -> dict[str, Any]:
    """Stream the whole response as a browser would download it: time, bytes, peak memory."""
    if trace_memory:
        tracemalloc.start()
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, url
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    response.close()
    elapsed = time.perf_counter() - started
    result = {"seconds": round(elapsed, 2), "bytes": size}
    if trace_memory:
        result["peak_mib"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    return result


# Export sizes whose peak memory is compared: flat means the same at every one.
EXPORT_SIZES = (10_000, 100_000, 1_000_000)


def export(reviewer) -> dict[str, Any]:
    """The CSV export of the whole table, and of its first 10,000, 100,000 and 1,000,000
    claims where the table has that many, for rows/s and peak memory at each size."""
    from django.urls import reverse

    from claims.filters import ClaimFilter
    from claims.models import Claim

    if not url_exists("claim_export"):
        return {"available": False}
    url = reverse("claim_export")
    dates = list(Claim.objects.order_by("created_at").values_list("created_at", flat=True))
    queries = {
        f"first {size:,}": {"added_before": dates[size].date().isoformat()}
        for size in EXPORT_SIZES
        if size < len(dates)
    }
    queries["all"] = {}
    sizes = []
    for label, query in queries.items():
        print(f"  export ({label}) …", flush=True)
        # The rows the export must hold: the list's own filter, counted by the database.
        rows = ClaimFilter(query, queryset=Claim.objects.all()).qs.count()
        size_url = f"{url}?{urlencode(query)}" if query else url
        timed = consume(reviewer, size_url, trace_memory=False)
        traced = consume(reviewer, size_url, trace_memory=True)
        sizes.append(
            {
                "label": label,
                "rows": rows,
                **timed,
                "rows_per_s": round(rows / timed["seconds"]),
                "peak_mib": traced["peak_mib"],
            }
        )
    return {"available": True, "sizes": sizes, "all": sizes[-1]}


FLOOR_SQL = """
SELECT c.id, c.statement, s.name, p.label, c.value_kind, c.value_text,
  COALESCE(CAST(c.value_number AS TEXT), CAST(c.value_date AS TEXT), ''),
  c.value_qualifier, c.value_unit, c.value_per, c.value_currency, c.status, c.rating,
  CASE c.rating WHEN 'true' THEN '5' WHEN 'mostly_true' THEN '4' WHEN 'mixed' THEN '3'
    WHEN 'misleading' THEN '2' WHEN 'mostly_false' THEN '2' WHEN 'false' THEN '1' ELSE '' END,
  v.rationale, au.username, rv.username, v.reviewed_at,
  (SELECT a.exact FROM claims_appearance a JOIN claims_source so ON so.id = a.source_id
    WHERE a.claim_id = c.id
    ORDER BY so.published_on IS NULL, so.published_on, a.source_id, a.start LIMIT 1),
  (SELECT {concat}(t.title, {newline}) FROM (SELECT DISTINCT so.title FROM claims_appearance a
    JOIN claims_source so ON so.id = a.source_id WHERE a.claim_id = c.id) t),
  (SELECT {concat}(t.url, {newline}) FROM (SELECT DISTINCT so.url FROM claims_appearance a
    JOIN claims_source so ON so.id = a.source_id WHERE a.claim_id = c.id) t),
  (SELECT count(*) FROM claims_evidence e WHERE e.claim_id = c.id AND e.stance = 'supports'),
  (SELECT count(*) FROM claims_evidence e WHERE e.claim_id = c.id AND e.stance = 'refutes'),
  (SELECT count(*) FROM claims_evidence e WHERE e.claim_id = c.id AND e.stance = 'mixed'),
  (SELECT count(*) FROM claims_evidence e WHERE e.claim_id = c.id AND e.stance = 'context'),
  CASE WHEN EXISTS (SELECT 1 FROM claims_dispute d WHERE d.subject_id = c.subject_id
    AND d.property_id = c.property_id AND d.agreement = 'conflict' AND d.status = 'open')
    THEN 'yes' ELSE 'no' END,
  'http://testserver/claims/' || c.id || '/'
FROM claims_claim c
JOIN claims_subject s ON s.id = c.subject_id
JOIN claims_property p ON p.id = c.property_id
LEFT JOIN claims_verdict v ON v.id = (SELECT v2.id FROM claims_verdict v2
  WHERE v2.claim_id = c.id AND v2.status IN ('proposed', 'approved') AND v2.rating = c.rating
  ORDER BY v2.created_at DESC, v2.id DESC LIMIT 1)
LEFT JOIN auth_user au ON au.id = v.author_id
LEFT JOIN auth_user rv ON rv.id = v.reviewed_by_id
ORDER BY c.updated_at DESC, c.id DESC
"""


def floor(database_url: str, vendor: str, rows: int) -> dict[str, Any]:
    """The database's own CSV dump of the same columns: how fast an export can possibly be."""
    if vendor == "sqlite":
        tool = shutil.which("sqlite3")
        if tool is None:
            return {"available": False, "why": "sqlite3 CLI not installed (make bench installs it)"}
        sql = FLOOR_SQL.format(concat="group_concat", newline="char(10)")
        command = [tool, "-csv", "-header", database_url.removeprefix("sqlite:///"), sql]
        name = "sqlite3 -csv"
    else:
        tool = shutil.which("psql")
        if tool is None:
            return {"available": False, "why": "psql not installed"}
        sql = FLOOR_SQL.format(concat="string_agg", newline="E'\\n'")
        copy = f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER)"
        command = [tool, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database_url, "-c", copy]
        name = "psql COPY … CSV"
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        subprocess.run(command, stdout=out, check=True)
        elapsed = time.perf_counter() - started
        size = out.tell()
    return {
        "available": True,
        "tool": name,
        "rows": rows,
        "seconds": round(elapsed, 2),
        "rows_per_s": round(rows / elapsed),
        "bytes": size,
    }


# --- the run ---------------------------------------------------------------------------


def suggestion_speed(runs: int) -> dict[str, Any]:
    """Claim suggestions for a 5,000-word article (issue target: under one second).

    The article is the generated archive's own French text, articles joined
    until they reach 5,000 words; the first call (which loads the date
    parser) is reported apart from the median of the warm ones.
    """
    from claims.models import Source  # Django is set up by main()
    from claims.suggestions import suggest

    words: list[str] = []
    for text in Source.objects.filter(language="fr").values_list("text", flat=True).iterator():
        words.extend(text.split(" "))
        if len(words) >= 5000:
            break
    if len(words) < 5000:
        return {"available": False, "why": "fewer than 5,000 words of French articles"}
    article = " ".join(words[:5000])
    started = time.perf_counter()
    found = suggest(article, "fr")
    first = time.perf_counter() - started
    samples = []
    for _ in range(max(runs // 2, 3)):
        started = time.perf_counter()
        suggest(article, "fr")
        samples.append(time.perf_counter() - started)
    return {
        "available": True,
        "words": 5000,
        "suggestions": len(found),
        "first_ms": round(first * 1000, 1),
        "median_ms": round(statistics.median(samples) * 1000, 1),
    }


LONG_ARTICLE_CHARS = 200_000


def long_article_page(client, runs: int) -> dict[str, Any]:
    """The page of a 200,000-character article (issue 17: under one second), its first
    and its last page of suggestions; importing it reads it ahead, so the page is served
    from the cache. The first view after the cache is emptied (as when a new subject is
    added and every article is read again) is reported beside it."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache

    from claims.articles import MAX_TEXT_CHARS, import_article, normalise_text
    from claims.models import Source
    from claims.suggestions import suggestions_for
    from claims.views.sources import SHOWN_SUGGESTIONS

    parts: list[str] = []
    size = 0
    for text in Source.objects.filter(language="fr").values_list("text", flat=True).iterator():
        parts.append(text)
        size += len(text) + 2
        if size >= LONG_ARTICLE_CHARS:
            break
    if size < LONG_ARTICLE_CHARS:
        return {"available": False, "why": "fewer than 200,000 characters of French articles"}
    # As long as an article may be, once normalised as the import normalises it.
    text = normalise_text("\n\n".join(parts))[:MAX_TEXT_CHARS]
    text = text[: text.rfind(".") + 1]
    Source.objects.filter(title="Bench: a long report").delete()
    reviewer = get_user_model().objects.get(username="demo-reviewer-01")
    cache.clear()
    started = time.perf_counter()
    source = import_article(text=text, language="fr", title="Bench: a long report", by=reviewer)
    imported = time.perf_counter() - started
    url = source.get_absolute_url()
    first = measure_page(client, url, runs)
    suggestions = len(suggestions_for(source))
    last_number = max(1, -(-suggestions // SHOWN_SUGGESTIONS))
    last = measure_page(client, f"{url}?suggestions={last_number}", runs)
    cache.clear()
    started = time.perf_counter()
    response = client.get(url)
    cold = time.perf_counter() - started
    assert response.status_code == 200
    return {
        "available": True,
        "characters": len(text),
        "suggestions": suggestions,
        "pages_of_suggestions": last_number,
        "import_ms": round(imported * 1000, 1),
        "first_page": first,
        "last_page": last,
        "cold_ms": round(cold * 1000, 1),
    }


def build(claims: int, seed: int) -> dict[str, Any]:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    call_command("generate_demo_data", claims=claims, seed=seed, stdout=sys.stdout)
    seconds = time.perf_counter() - started
    return {"claims": claims, "seed": seed, "generate_seconds": round(seconds, 1)}


def logged_in_clients():
    from django.contrib.auth import get_user_model
    from django.test import Client

    user_model = get_user_model()
    reviewer = Client()
    reviewer.force_login(user_model.objects.get(username="demo-reviewer-01"))
    admin_user, _created = user_model.objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    admin = Client()
    admin.force_login(admin_user)
    return reviewer, admin


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument(
        "--no-build",
        action="store_true",
        help="measure the database DATABASE_URL points to as it is (built earlier)",
    )
    parser.add_argument(
        "--build-only",
        action="store_true",
        help="build the database and write how long it took to --output, measure nothing",
    )
    args = parser.parse_args(argv)

    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    assert not settings.DEBUG
    vendor = connection.vendor
    if not args.no_build:
        print(f"--- {vendor}: building {args.claims:,} claims", flush=True)
    if args.build_only:
        results = {"database": vendor, "machine_before": machine()}
        results["build"] = build(args.claims, args.seed)
        args.output.write_text(json.dumps(results, indent=2) + "\n")
        return 0
    results: dict[str, Any] = {"database": vendor, "machine_before": machine()}
    if args.no_build:
        from claims.models import Claim

        built = json.loads(args.output.read_text()) if args.output.exists() else {}
        # Built by --build-only just before: keep how long the generator took.
        results["build"] = built.get("build") or {
            "claims": Claim.objects.count(),
            "generate_seconds": None,
        }
    else:
        results["build"] = build(args.claims, args.seed)
    reviewer, admin = logged_in_clients()
    print(f"--- {vendor}: pages ({args.runs} runs each)", flush=True)
    results["page_size"] = settings.FACTCHECK_PAGE_SIZE
    results["pages"] = pages(reviewer, admin, args.runs)
    print(f"--- {vendor}: CSV export", flush=True)
    results["suggestions"] = suggestion_speed(args.runs)
    print(f"--- {vendor}: a 200,000-character article's page", flush=True)
    results["long_article"] = long_article_page(reviewer, args.runs)
    results["export"] = export(reviewer)
    results["floor"] = floor(os.environ["DATABASE_URL"], vendor, results["build"]["claims"])
    results["machine_after"] = machine()
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
