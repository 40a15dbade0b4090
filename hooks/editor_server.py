"""``make editer`` only (``VMI_EDITEUR`` set): the form editor at ``/admin/`` of the preview.

The preview server answers ``/admin/`` itself, from ``editor/`` (the page, the
configuration written by ``make schemas``, Decap CMS vendored from npm), and forwards the
editor's file requests (``/api/v1``) to Decap's local server (``decap-server``, which
reads and writes ``content/`` on this machine), translating list files and tidying what
is saved (``vmi.editor.cms_files``). Everything stays on the preview's origin; nothing of it is
ever written into a built site, the offline copy or the search index.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import os
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.hooks.editor_server")

WsgiApp = Callable[[dict, Callable], Iterable[bytes]]
_READS = ("entriesByFolder", "entriesByFiles", "getEntry")


class EditorApp:
    """Wraps the preview's WSGI application: ``/admin/`` and ``/api/v1``, else the site."""

    def __init__(self, site: WsgiApp, project: Path, decap_url: str):
        self.site, self.project, self.decap_url = site, project, decap_url
        self.folders = [project / "editor" / "admin",
                        project / "editor" / "vendor" / "decap-cms"]

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/admin":
            start_response("302 Found", [("Location", "/admin/")])
            return [b""]
        if path.startswith("/admin/"):
            return self._static(path.removeprefix("/admin/") or "index.html",
                                environ.get("HTTP_HOST", ""), start_response)
        if path == "/api/v1" and environ.get("REQUEST_METHOD") == "POST":
            return self._api(environ, start_response)
        return self.site(environ, start_response)

    @staticmethod
    def _local(config: bytes, host: str) -> bytes:
        """``local_backend: true`` → the address of this server's ``/api/v1``."""
        return config.replace(b"\nlocal_backend: true\n",
                              f"\nlocal_backend:\n  url: http://{host}/api/v1\n".encode())

    def _static(self, name: str, host: str, start_response: Callable) -> Iterable[bytes]:
        for folder in self.folders:
            target = (folder / name).resolve()
            if target.is_file() and target.is_relative_to(folder.resolve()):
                kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
                body = target.read_bytes()
                if target.suffix == ".yml":
                    kind, body = "text/yaml", self._local(body, host)
                start_response("200 OK", [("Content-Type", f"{kind}; charset=utf-8"),
                                          ("Cache-Control", "no-store")])
                return [body]
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"Introuvable."]

    def _api(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        request = json.loads(environ["wsgi.input"].read(length) or b"{}")
        if request.get("action") == "persistEntry":
            self._tidy(request.get("params", {}))
        status, body = self._forward(request)
        if status == 200 and request.get("action") in _READS:
            body = _for_form(body)
        start_response(f"{status} {'OK' if status == 200 else 'Error'}",
                       [("Content-Type", "application/json; charset=utf-8")])
        return [json.dumps(body, ensure_ascii=False).encode()]

    def _tidy(self, params: dict[str, Any]) -> None:
        """Rewrite each saved file in the project's layout before decap-server writes it."""
        from vmi.editor.cms_files import for_disk  # the editor's layer: see _for_form
        for entry in params.get("dataFiles") or [params.get("entry") or {}]:
            if isinstance(entry.get("raw"), str) and isinstance(entry.get("path"), str):
                target = self.project / entry["path"]
                previous = target.read_text("utf-8") if target.is_file() else None
                entry["raw"] = for_disk(entry["path"], entry["raw"], previous)
        if params.get("entry") and not params.get("dataFiles"):
            params["dataFiles"] = [params["entry"]]

    def _forward(self, request: dict) -> tuple[int, Any]:
        data = json.dumps(request).encode()
        call = urllib.request.Request(self.decap_url, data=data, method="POST",
                                      headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(call, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"null")
        except OSError:
            log.error("Le serveur de l’éditeur (decap-server) ne répond pas à %s : "
                      "lancez l’éditeur avec « make editer ».", self.decap_url)
            return 502, {"error": "decap-server ne répond pas"}


def _for_form(body: Any) -> Any:
    # Imported on first use: the editor's file layer pulls in the JSON Schemas and the
    # YAML layout, which every ``make build`` would otherwise import for nothing.
    from vmi.editor.cms_files import for_form
    entries = body if isinstance(body, list) else [body]
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("file"), dict):
            entry["data"] = for_form(entry["file"].get("path", ""), entry.get("data"))
    return body


def on_serve(server, config: MkDocsConfig, builder):
    if not os.environ.get("VMI_EDITEUR"):
        return server
    project = Path(config.config_file_path).parent
    decap = os.environ.get("VMI_DECAP_URL", "http://127.0.0.1:8081/api/v1")
    server.set_app(EditorApp(server.get_app(), project, decap))
    host, port = config.dev_addr
    log.info("Éditeur : http://%s:%s/admin/", host, port)
    return server
