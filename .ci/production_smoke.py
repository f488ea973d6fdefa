"""Asks a freshly started production server what a load balancer and a browser behind the proxy would ask.

/healthz (probed by IP, before host and HTTPS checks), the login page (as https, for an allowed host) and every
static file that page links to, which must be WhiteNoise's compressed, hashed files from collectstatic. Used by
.ci/run: `python .ci/production_smoke.py PORT HOST`; exits non-zero on the first failure.
"""

from __future__ import annotations

import http.client
import re
import sys
import time

WAIT_SECONDS = 60


def get(port: int, path: str, headers: dict[str, str]) -> tuple[http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def expect(condition: bool, message: str) -> None:
    if not condition:
        sys.exit(f"FAIL: {message}")


def main(port: int, host: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            response, body = get(port, "/healthz", {})
            break
        except OSError:
            expect(time.monotonic() < deadline, f"no answer on port {port} within {WAIT_SECONDS} s")
            time.sleep(0.5)
    expect(response.status == 200, f"/healthz gave {response.status}: {body[:200]!r}")
    print(f"/healthz: {response.status} {body.decode().strip()}")

    behind_proxy = {"Host": host, "X-Forwarded-Proto": "https"}
    response, body = get(port, "/inloggen/", behind_proxy)
    expect(response.status == 200, f"/inloggen/ gave {response.status}: {body[:500]!r}")
    static = sorted(set(re.findall(r'(?:href|src)="(/static/[^"]+)"', body.decode())))
    print(f"/inloggen/: {response.status}, {len(body)} bytes, {len(static)} static files linked")
    expect(bool(static), "/inloggen/ links no static file")

    for path in static:
        expect(re.search(r"\.[0-9a-f]{12}\.\w+$", path) is not None, f"{path} is not a hashed (manifest) name")
        response, body = get(port, path, {**behind_proxy, "Accept-Encoding": "br, gzip"})
        encoding = response.getheader("Content-Encoding", "")
        cache_control = response.getheader("Cache-Control", "")
        expect(response.status == 200, f"{path} gave {response.status}")
        expect(encoding in ("br", "gzip"), f"{path} was not served compressed (Content-Encoding {encoding!r})")
        expect("immutable" in cache_control, f"{path} is not cached as immutable ({cache_control!r})")
        print(f"{path}: {response.status}, {encoding}, {len(body)} bytes, {cache_control}")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
