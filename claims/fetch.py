"""Fetching an evidence link from the server, without letting a link reach inside the
newsroom's own network (server-side request forgery).

"Keep a copy" makes the server, not the reviewer's browser, open a URL that anyone
could have typed. So every hop is checked before it is made: only http and https;
the host name is resolved here and *every* address it resolves to must be public
(no private, loopback, link-local, multicast, reserved or cloud-metadata address,
in IPv4 or IPv6); the connection then goes to the checked address itself, so that
a second DNS answer cannot swap it (the name still travels in the Host header and
the TLS handshake, and certificates are verified against it). Redirects are
followed by hand, each hop checked the same way, at most five; the whole fetch has
ten seconds and five megabytes. Environment proxies are never used.

No maintained library does this (advocate, the usual answer, was last released in
2020), so it is written here on urllib3, whose connection pools take the address
to connect to apart from the name to verify. ``FACTCHECK_FETCH_EVIDENCE`` turns
fetching off; ``FACTCHECK_FETCH_ALLOWED_NETWORKS`` lets the test suite reach its own
server on the loopback and is never read from the environment.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from email.message import Message
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings
from django.utils.translation import gettext as _

MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 10.0
MAX_BYTES = 5 * 1024 * 1024
REDIRECTS = {301, 302, 303, 307, 308}
USER_AGENT = "Factcheck evidence copy (a newsroom keeping a copy of a page it cites)"

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchRefused(Exception):
    """The link was not fetched, or not kept. The message says why, for the reviewer."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Fetched:
    requested_url: str
    final_url: str
    status: int
    content_type: str
    charset: str
    data: bytes = field(repr=False)


def enabled() -> bool:
    return bool(settings.FACTCHECK_FETCH_EVIDENCE)


def _allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(n) for n in settings.FACTCHECK_FETCH_ALLOWED_NETWORKS]


def check_address(address: str, host: str) -> Address:
    """The address, if the workbench may connect to it; ``FetchRefused`` otherwise."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip in network for network in _allowed_networks()):
        return ip
    # is_global is False for private, loopback, link-local (which holds the cloud
    # metadata address 169.254.169.254), shared (100.64/10), reserved, unspecified
    # and unique-local IPv6 (which holds fd00:ec2::254) addresses.
    if not ip.is_global or ip.is_multicast:
        raise FetchRefused(
            _(
                "“%(host)s” leads to %(address)s, a private or local address: the workbench "
                "does not fetch inside its own network."
            )
            % {"host": host, "address": ip}
        )
    return ip


def resolve(host: str, port: int) -> list[Address]:
    """Every address ``host`` resolves to, each checked: one bad answer refuses them all."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchRefused(
            _("“%(host)s” does not exist (its name does not resolve).") % {"host": host}
        ) from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchRefused(
            _("“%(host)s” does not exist (its name does not resolve).") % {"host": host}
        )
    return [check_address(address, host) for address in addresses]


def _split(url: str) -> tuple[str, str, int, str]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise FetchRefused(_("Only http:// and https:// links can be fetched."))
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise FetchRefused(_("This link's port is not valid.")) from None
    host = parts.hostname or ""
    if not host:
        raise FetchRefused(_("This link has no host name."))
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    return scheme, host, port, target


def _pool(scheme: str, ip: Address, port: int, host: str, timeout: float):
    options = {"timeout": urllib3.Timeout(connect=timeout, read=timeout), "maxsize": 1}
    if scheme == "https":
        # Connect to the checked address; verify the certificate against the name.
        return urllib3.HTTPSConnectionPool(
            str(ip),
            port,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
            **options,
        )
    return urllib3.HTTPConnectionPool(str(ip), port, **options)


def _host_header(host: str, port: int, scheme: str) -> str:
    name = f"[{host}]" if ":" in host else host
    default = 443 if scheme == "https" else 80
    return name if port == default else f"{name}:{port}"


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _too_slow()
    return left


def _too_slow() -> FetchRefused:
    return FetchRefused(
        _("The page did not answer within %(n)d seconds.") % {"n": int(TIMEOUT_SECONDS)}
    )


def _too_big() -> FetchRefused:
    return FetchRefused(
        _("The page is larger than %(n)d MB: it was not kept.") % {"n": MAX_BYTES // 2**20}
    )


def fetch(url: str) -> Fetched:
    """GET ``url`` under the rules above; ``FetchRefused`` says why it could not be kept."""
    if not enabled():
        raise FetchRefused(_("Fetching links is turned off on this workbench."))
    deadline = time.monotonic() + TIMEOUT_SECONDS
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        scheme, host, port, target = _split(current)
        ip = resolve(host, port)[0]
        pool = _pool(scheme, ip, port, host, _remaining(deadline))
        headers = {
            "Host": _host_header(host, port, scheme),
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5",
        }
        try:
            response = pool.urlopen(
                "GET",
                target,
                headers=headers,
                redirect=False,
                retries=False,
                preload_content=False,
                timeout=urllib3.Timeout(connect=_remaining(deadline), read=_remaining(deadline)),
            )
        except urllib3.exceptions.NewConnectionError:
            # Before the timeouts: urllib3 counts a refused connection as one of them.
            raise FetchRefused(_("“%(host)s” does not answer.") % {"host": host}) from None
        except (TimeoutError, urllib3.exceptions.TimeoutError):
            raise _too_slow() from None
        except urllib3.exceptions.SSLError:
            raise FetchRefused(
                _("The secure connection to “%(host)s” failed (its certificate is not valid).")
                % {"host": host}
            ) from None
        except urllib3.exceptions.HTTPError:
            raise FetchRefused(_("“%(host)s” does not answer.") % {"host": host}) from None
        try:
            if response.status in REDIRECTS:
                location = response.headers.get("Location", "")
                if not location:
                    raise FetchRefused(_("The page redirects nowhere."))
                current = urljoin(current, location)
                continue
            data = _read(response, deadline)
        finally:
            response.release_conn()
            pool.close()
        if response.status >= 400:
            try:
                reason = HTTPStatus(response.status).phrase
            except ValueError:
                reason = ""
            raise FetchRefused(
                _("The page answered HTTP %(status)d %(reason)s: nothing was kept.")
                % {"status": response.status, "reason": reason}
            )
        message = Message()
        message["content-type"] = response.headers.get("Content-Type", "")
        return Fetched(
            requested_url=url,
            final_url=current,
            status=response.status,
            content_type=message.get_content_type(),
            charset=message.get_content_charset() or "",
            data=data,
        )
    raise FetchRefused(
        _("The link redirects more than %(n)d times: it was not followed.") % {"n": MAX_REDIRECTS}
    )


def _read(response, deadline: float) -> bytes:
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > MAX_BYTES:
        raise _too_big()
    chunks: list[bytes] = []
    size = 0
    try:
        # read1 returns whatever has arrived, so the deadline is checked between
        # arrivals: a server dripping a byte at a time cannot hold the request.
        # Decoded bytes are counted: a small gzip bomb stops at the same 5 MB.
        while chunk := response.read1(64 * 1024, decode_content=True):
            size += len(chunk)
            if size > MAX_BYTES:
                raise _too_big()
            chunks.append(chunk)
            _remaining(deadline)
    except (TimeoutError, urllib3.exceptions.TimeoutError):
        raise _too_slow() from None
    except urllib3.exceptions.HTTPError:
        raise FetchRefused(_("The page was cut off while it was read.")) from None
    return b"".join(chunks)
