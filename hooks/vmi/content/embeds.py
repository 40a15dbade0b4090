"""What a Markdown body may not hold: anything that would make a visit contact another
site, or run a script.

The site promises that reading it tells no other site who reads: an image, a frame, a
video or a stylesheet from elsewhere would break that promise on every visit, and a
script could do anything. They are refused before the build writes anything, each at its
``path:line`` with what to do instead. Plain links stay allowed: following one is the
reader's choice. Raw HTML is read with the standard HTML tokenizer (which gives lines);
Markdown's own image, link and attribute syntaxes are read line by line; code blocks and
code spans are left alone (an example is not an embed).
"""

from __future__ import annotations

import bisect
import html
import html.parser
import posixpath
import re
from dataclasses import dataclass

from vmi.content.links import prose_lines
from vmi.core.errors import ContentError

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_IGNORED = re.compile(r"[\x00-\x20]")  # browsers drop these from URLs (tabs, newlines…)
_SCRIPT_SCHEMES = ("javascript", "vbscript")

# Elements refused whatever they point at, and why (what to do instead).
_FORBIDDEN = {
    "script": "script interdit : aucune page n’exécute de code venu du contenu ; retirez "
              "l’élément <script> (pour une vidéo, utilisez un bloc ```video)",
    "iframe": "cadre intégré interdit : il chargerait une page d’un autre site ; pour une "
              "vidéo, utilisez un bloc ```video, sinon mettez un simple lien",
    "object": "élément <object> interdit : mettez un simple lien vers le fichier (enregistré "
              "dans docs/) ou vers la page",
    "embed": "élément <embed> interdit : mettez un simple lien vers le fichier (enregistré "
             "dans docs/) ou vers la page",
    "base": "élément <base> interdit : il changerait l’adresse de tous les liens de la page ; "
            "retirez-le",
}
for _alias, _same in (("frame", "iframe"), ("frameset", "iframe"), ("portal", "iframe"),
                      ("fencedframe", "iframe"), ("applet", "object")):
    _FORBIDDEN[_alias] = _FORBIDDEN[_same]

# Attributes that make the browser fetch something, per element.
_LOADS = {"img": ("src", "srcset"), "source": ("src", "srcset"), "input": ("src",),
          "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
          "link": ("href",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),
          "feimage": ("href", "xlink:href"), "body": ("background",),
          "table": ("background",), "td": ("background",), "th": ("background",)}
_MEDIA = {"video", "audio", "track"}
_URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster",
                   "background", "xlink:href", "ping"}
_CSS_URL = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)|@import\s+(["'])(.*?)\3""", re.I | re.S)
_IMAGE_SET = re.compile(r"""image-set\(([^)]*)\)""", re.I)
_QUOTED = re.compile(r"""(["'])(.*?)\1""")

_IMAGE = ("« {url} » serait chargée depuis un autre site, qui saurait qui lit la page : "
          "enregistrez l’image dans docs/images/ et écrivez un chemin relatif "
          "(ex. « {example} »)")
_MEDIA_FILE = ("« {url} » serait chargé depuis un autre site, qui saurait qui regarde : "
               "pour une vidéo hébergée ailleurs, utilisez un bloc ```video ; un fichier son "
               "ou vidéo s’enregistre dans docs/ avec un chemin relatif")
_OTHER = ("« {url} » serait chargé depuis un autre site, qui saurait qui lit la page : "
          "retirez-le")
_SCRIPT_URL = ("adresse « {url} » interdite : elle lancerait un script ; visez une page du "
               "site ou une adresse web")
_HANDLER = "attribut {name} interdit : il lancerait un script ; retirez-le"
_FORM = ("ce formulaire enverrait ses réponses à un autre site (« {url} ») : retirez-le ; "
         "les réponses ne doivent pas quitter le navigateur")
_PING = "l’attribut ping préviendrait « {url} » de chaque clic : retirez-le (le lien suffit)"
_META = "élément <meta http-equiv> interdit dans une page : retirez-le"
_STYLE = ("attribut style interdit : la mise en forme vient de la feuille de style du site "
          "(et la politique de sécurité des pages la bloquerait) ; retirez-le")
_ALIGNED = ("alignement de colonne (« :--- » ou « ---: ») interdit : la politique de sécurité "
            "des pages bloquerait cette mise en forme ; retirez les deux-points de la ligne "
            "sous l’en-tête du tableau")
# A table's separator row with a colon: what makes Markdown write ``style="text-align…"``.
_ALIGNED_ROW = re.compile(r"^[ \t>]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$")


@dataclass(frozen=True)
class Finding:
    """One refused thing: its line in the scanned text, the element or syntax, why, and
    the offending text as written (an address, ``<tag``, ``name=``), to find it in a
    source file whose lines differ from the scanned text's."""

    line: int
    field: str
    message: str
    text: str = ""


def _clean(url: str) -> str:
    """``url`` as the browser reads it: entities decoded (``&#104;ttps:``), blanks and
    control characters dropped, backslashes as slashes."""
    return _IGNORED.sub("", html.unescape(url)).replace("\\", "/")


def runs_script(url: str) -> bool:
    """``javascript:`` and the like, however the browser would read them."""
    scheme = _SCHEME.match(_clean(url))
    return scheme is not None and scheme.group(1).lower() in _SCRIPT_SCHEMES


def elsewhere(url: str, data_ok: bool = False) -> bool:
    """Whether loading ``url`` from a page of the site would contact another site."""
    url = _clean(url)
    scheme = _SCHEME.match(url)
    if scheme:
        return not (data_ok and scheme.group(1).lower() == "data")
    return url.startswith("//")


def _shown(url: str) -> str:
    url = url.strip()
    return url if len(url) <= 80 else url[:77] + "…"


def _srcset_urls(value: str) -> list[str]:
    return re.findall(r"(?:^|,)\s*(\S+)", value)


def css_urls(css: str) -> list[str]:
    """Every address a piece of CSS would fetch: ``url()``, ``@import``, ``image-set()``."""
    found = [m.group(2) if m.group(2) is not None else m.group(4) for m in _CSS_URL.finditer(css)]
    for images in _IMAGE_SET.finditer(css):
        found += [m.group(2) for m in _QUOTED.finditer(images.group(1))]
    return found


class _Rules:
    """The findings for one element, given where an image would belong instead."""

    def __init__(self, example: str):
        self.example = example

    def element(self, tag: str, attrs: dict[str, str], in_media: bool
                ) -> list[tuple[str, str, str]]:
        """(field, message, offending text) of each refused thing of one element."""
        field = f"<{tag}>"
        if tag in _FORBIDDEN:
            return [(field, _FORBIDDEN[tag], f"<{tag}")]
        if tag == "meta" and "http-equiv" in attrs:
            return [(field, _META, "http-equiv")]
        if tag in ("th", "td") and attrs.get("style", "").startswith("text-align"):
            attrs = {name: value for name, value in attrs.items() if name != "style"}
            found = [(field, _ALIGNED, "")]  # written by Markdown for a « :--- » column
        else:
            found = []
        found += [(field, message, text) for message, text in self.attributes(attrs)]
        media = tag in _MEDIA or (tag == "source" and in_media)
        for name in _LOADS.get(tag, ()):
            urls = _srcset_urls(attrs.get(name, "")) if name == "srcset" else [attrs.get(name)]
            for url in urls:
                if url is not None and not runs_script(url) and elsewhere(url, not media):
                    found.append((field, self.load(url, media, tag == "link"), url))
        target = {"form": "action", "button": "formaction", "input": "formaction"}.get(tag, "")
        if elsewhere(attrs.get(target) or ""):
            found.append((field, _FORM.format(url=_shown(attrs[target])), attrs[target]))
        if tag in ("a", "area") and attrs.get("ping"):
            found.append((field, _PING.format(url=_shown(attrs["ping"])), attrs["ping"]))
        return found

    def attributes(self, attrs: dict[str, str]) -> list[tuple[str, str]]:
        """(message, offending text) for handlers, script addresses and ``style``, on any
        element."""
        found = [(_HANDLER.format(name=name), name) for name in attrs
                 if name.startswith("on") and len(name) > 2]
        found += [(_SCRIPT_URL.format(url=_shown(value)), value) for name, value in attrs.items()
                  if name in _URL_ATTRIBUTES and runs_script(value)]
        if "style" in attrs:
            found.append((_STYLE, "style"))
        return found

    def css(self, css: str) -> list[tuple[str, str]]:
        return [(_IMAGE.format(url=_shown(url), example=self.example), url)
                for url in css_urls(css) if elsewhere(url, data_ok=True)]

    def load(self, url: str, media: bool, other: bool) -> str:
        if media:
            return _MEDIA_FILE.format(url=_shown(url))
        if other:
            return _OTHER.format(url=_shown(url))
        return _IMAGE.format(url=_shown(url), example=self.example)


class _HtmlScan(html.parser.HTMLParser):
    """Raw HTML of a body (or a whole page): every refused element, at its line."""

    def __init__(self, rules: _Rules, first_line: int):
        super().__init__(convert_charrefs=True)
        self.rules, self.first_line = rules, first_line
        self.findings: list[Finding] = []
        self.media_depth = 0
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs)
        if tag in ("video", "audio"):
            self.media_depth += 1
        self.in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("video", "audio"):
            self.media_depth = max(0, self.media_depth - 1)
        if tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            for message, url in self.rules.css(data):
                self._add("<style>", message, url)

    def _element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not re.fullmatch(r"[a-z][a-z0-9-]*", tag):  # ``<https://…>`` is an autolink
            return
        values = {name: value or "" for name, value in attrs}
        for field, message, text in self.rules.element(tag, values, self.media_depth > 0):
            self._add(field, message, text)

    def _add(self, field: str, message: str, text: str) -> None:
        self.findings.append(Finding(self.getpos()[0] + self.first_line - 1, field, message,
                                     text))


# Markdown lets a link, an image or a reference definition run over two lines of one
# paragraph (``[logo]:`` then the address on the next line): the patterns below read the
# whole body and allow one line break wherever Python-Markdown does (a quote's « > » may
# start the next line); a blank line ends them. A definition counts inside a quote, a
# list item or an admonition too (so also in an indented code block: refusing an example
# there errs on the safe side).
_BREAK = r"[ \t]*\n?[ \t>]*"
_NESTED = r"(?:[^\[\]\n]|\n(?![ \t>]*\n)|\[[^\[\]\n]*\])*"
_INLINE = re.compile(rf"(!?)\[{_NESTED}\]\({_BREAK}<?((?:[^()\s<>]|\([^()\s]*\))+)>?")
_REFERENCE_IMAGE = re.compile(rf"!\[({_NESTED})\](?:{_BREAK}\[([^\[\]\n]*)\])?(?!\()")
_DEFINITION = re.compile(rf"^[ \t>]*(?:(?:[-*+]|\d{{1,9}}[.)])[ \t]+)?\[([^\[\]\n]+)\]:"
                         rf"{_BREAK}<?([^\s>]+)>?", re.M)
_ATTR_PART = r"""(?:[^{}\n"']|"[^"\n]*"|'[^'\n]*')*"""
_ATTR_LIST = re.compile(rf"\{{:?[ \t]*({_ATTR_PART}={_ATTR_PART})\}}")
_ATTRIBUTE = re.compile(r"""([\w:.-]+)=("[^"]*"|'[^']*'|[^\s}]+)""")


def _label(text: str) -> str:
    return " ".join(text.lower().split())


class _Lines:
    """Line numbers of offsets in a text that starts at line ``first``."""

    def __init__(self, text: str, first: int):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.first = first

    def at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1 + self.first


def _markdown_findings(lines: list[str], first_line: int, rules: _Rules) -> list[Finding]:
    """Images, attribute lists and link addresses written in Markdown, each at the line
    of its address (of the image, for a reference image)."""
    text = "\n".join(lines)
    line = _Lines(text, first_line).at
    definitions = [(line(m.start(2)), m.group(1), m.group(2))
                   for m in _DEFINITION.finditer(text)]
    targets: dict[str, str] = {}
    for _, label, url in definitions:
        targets.setdefault(_label(label), url)
    inline = [(line(m.start(2)), m.group(1), m.group(2)) for m in _INLINE.finditer(text)]
    found = [Finding(number, "lien", _SCRIPT_URL.format(url=_shown(url)), url)
             for number, _, url in inline + definitions if runs_script(url)]
    images = [(number, url) for number, bang, url in inline if bang]
    images += [(line(m.start()), targets[label]) for m in _REFERENCE_IMAGE.finditer(text)
               for label in {_label(m.group(2) or m.group(1)), _label(m.group(1))}
               if label in targets]  # with a label after a space, either may be the one
    found += [Finding(number, "image", rules.load(url, False, False), url)
              for number, url in images if not runs_script(url) and elsewhere(url, data_ok=True)]
    found += [Finding(number, "attributs", message, offending)
              for number, text_line in enumerate(lines, first_line)
              for attributes in _ATTR_LIST.finditer(text_line)
              for message, offending in _attribute_list(attributes.group(1), rules)]
    found += [Finding(number, "tableau", _ALIGNED, text_line.strip())
              for number, text_line in enumerate(lines, first_line)
              if ":" in text_line and "-" in text_line and _ALIGNED_ROW.match(text_line)]
    return found


def _attribute_list(text: str, rules: _Rules) -> list[tuple[str, str]]:
    """``{: onclick="…" src=… }`` (the attr_list extension): any element may get them."""
    values = {name.lower(): value.strip("\"'") for name, value in _ATTRIBUTE.findall(text)}
    return rules.attributes(values) + [
        (rules.load(values[name], False, False), values[name])
        for name in ("src", "srcset", "poster", "data", "background")
        if name in values and not runs_script(values[name])
        and elsewhere(values[name], data_ok=True)]


def image_example(page: str) -> str:
    """Where an image of ``page`` (its site path, ``cas/x.md``) would be linked from."""
    return posixpath.relpath("images/plan.png", posixpath.dirname(page) or ".")


def find_embeds(markdown: str, page: str, first_line: int = 1) -> list[Finding]:
    """Every refused thing of a Markdown body whose page is ``page`` (``cas/x.md``)."""
    rules = _Rules(image_example(page))
    found = _markdown_findings(prose_lines(markdown), first_line, rules)
    if "<" in markdown:
        scan = _HtmlScan(rules, first_line)
        scan.feed("\n".join(prose_lines(markdown, code_as_html=True)))
        scan.close()
        found += scan.findings
    return sorted(set(found), key=lambda f: (f.line, f.field, f.message))


def html_embeds(text: str, page: str) -> list[Finding]:
    """The same rules on produced HTML (lines are those of ``text``)."""
    scan = _HtmlScan(_Rules(image_example(page)), 1)
    scan.feed(text)
    scan.close()
    return scan.findings


def check_embeds(markdown: str, label: str, page: str, first_line: int = 1
                 ) -> list[ContentError]:
    """``find_embeds`` as editors' errors, located in the file ``label``."""
    return [ContentError(label, f.line, f.field, f.message)
            for f in find_embeds(markdown, page, first_line)]
