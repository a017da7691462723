"""Formulas in running text, typeset the same way in every format.

Text written by raqmana (the scoring methodology) marks a formula as ``$…$`` holding a small part of
TeX: letters (variables, in italics), numbers, ``+ - = / ( ) ,``, ``\\frac{a}{b}``, ``x_i``, ``x^{p}``,
``\\sum``, ``\\prod``, ``\\ln``, ``\\exp``, ``\\min``, ``\\max``, ``\\bar{x}``, ``\\left( … \\right)``,
``\\cdot``, ``\\times``, ``\\div``, ``\\pm``, ``\\,`` and Greek letters (``\\lambda``). Markdown readers
(GitHub, editors) show the ``.md`` files' formulas from the same text.

:func:`to_html` typesets a formula with HTML alone (italic variables, ``<sub>``/``<sup>``, a fraction as
an inline block with a rule between numerator and denominator), which browsers and WeasyPrint both lay
out, so the web page and the PDF show one form; :func:`to_omml` gives the same formula as Office Math
for Word (LibreOffice reads it too). A formula is always a left-to-right isolate (``<bdi dir="ltr">``,
Office Math is laid out left to right), so it keeps its order inside Arabic and Kurdish sentences; its
letters and digits are written as in the formula (Latin, as a code is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

#: a formula inside running text, as pandoc reads TeX math: no space inside either ``$``, no digit right
#: after the closing one, and (raqmana's own rule) a ``\``, ``_`` or ``^`` in it, so that amounts such as
#: "$5 and $3" are never taken for one
FORMULA = re.compile(r"\$(?=[^$\n]*[\\_^])(?=\S)([^$\n]*?\S)\$(?![0-9])")

GREEK = {"lambda": "λ", "mu": "μ", "sigma": "σ", "alpha": "α", "beta": "β", "theta": "θ", "rho": "ρ"}
NAMES = frozenset({"ln", "exp", "min", "max", "log"})
SYMBOLS = {"cdot": "·", "times": "×", "div": "÷", "pm": "±", "le": "≤", "ge": "≥", ",": "\u2009"}
BIG = {"sum": "∑", "prod": "∏"}
#: characters as the shipped text fonts have them (∑ ∏ − are not in Noto Sans: Greek capitals and the en
#: dash, the usual stand-ins); Office Math keeps the mathematical ones, the plain text too
HTML_BIG = {"∑": "Σ", "∏": "Π"}
HTML_OPS = {"−": "–"}
#: operators that separate terms (the body of a ∑ ends before them)
TERM_BREAKS = frozenset({"+", "−", "=", "±"})
BINARY = frozenset({"+", "−", "=", "±", "×", "÷", "≤", "≥"})


class FormulaError(ValueError):
    """A formula outside the TeX part raqmana writes (a defect of the text, not of the reader's input)."""


@dataclass
class Node:
    kind: str  # "var", "num", "op", "name", "frac", "scripts", "big", "fence", "bar", "row"
    text: str = ""
    children: list[Node] = field(default_factory=list)
    sub: Node | None = None
    sup: Node | None = None


def _row(children: list[Node]) -> Node:
    return Node("row", children=children)


_TOKEN = re.compile(r"\\[A-Za-z]+|\\,|[A-Za-z]|[0-9]+(?:\.[0-9]+)?|[{}^_()+\-=/,.|]|\s+")


def _tokens(tex: str) -> list[str]:
    out: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(tex):
        if m.start() != pos:
            raise FormulaError(tex)
        pos = m.end()
        if not m.group(0).isspace():
            out.append(m.group(0))
    if pos != len(tex):
        raise FormulaError(tex)
    return out


class _Parser:
    def __init__(self, tex: str):
        self.tex = tex
        self.toks = _tokens(tex)
        self.i = 0

    def peek(self) -> str | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> str:
        tok = self.peek()
        if tok is None:
            raise FormulaError(self.tex)
        self.i += 1
        return tok

    def group(self) -> Node:
        """``{…}`` or a single atom."""
        if self.peek() == "{":
            self.take()
            row = self.row(until="}")
            self.take()
            return row
        return _row([self.atom()])

    def row(self, until: str | None = None) -> Node:
        items: list[Node] = []
        while self.peek() is not None and self.peek() != until:
            if until != "\\right" and self.peek() == "\\right":
                break
            items.append(self.scripted())
        # the body of a big operator: the terms after it up to the next + − = (∑ w x / ∑ w stays two)
        out: list[Node] = []
        k = 0
        while k < len(items):
            node = items[k]
            if node.kind == "big" and not node.children:
                body: list[Node] = []
                k += 1
                while k < len(items) and not (items[k].kind == "op" and items[k].text in TERM_BREAKS):
                    body.append(items[k])
                    k += 1
                node.children = body
                out.append(node)
                continue
            out.append(node)
            k += 1
        return _row(out)

    def scripted(self) -> Node:
        base = self.atom()
        sub = sup = None
        while self.peek() in ("_", "^"):
            if self.take() == "_":
                sub = self.group()
            else:
                sup = self.group()
        if sub is None and sup is None:
            return base
        if base.kind == "big":
            base.sub, base.sup = sub, sup
            return base
        return Node("scripts", children=[base], sub=sub, sup=sup)

    def atom(self) -> Node:
        tok = self.take()
        if tok == "{":
            row = self.row(until="}")
            self.take()
            return row
        if tok.startswith("\\"):
            name = tok[1:]
            if name == "frac":
                return Node("frac", children=[self.group(), self.group()])
            if name == "bar":
                return Node("bar", children=[self.group()])
            if name in ("mathrm", "text"):
                inner = self.group()
                return Node("name", text="".join(_plain(c) for c in inner.children))
            if name == "left":
                opening = self.take()
                inner = self.row(until="\\right")
                self.take()
                closing = self.take()
                return Node("fence", text=opening + closing, children=[inner])
            if name in NAMES:
                return Node("name", text=name)
            if name in BIG:
                return Node("big", text=BIG[name])
            if name in GREEK:
                return Node("var", text=GREEK[name])
            if name in SYMBOLS:
                return Node("op", text=SYMBOLS[name])
            raise FormulaError(self.tex)
        if tok.isalpha():
            return Node("var", text=tok)
        if tok[0].isdigit():
            return Node("num", text=tok)
        if tok in ("}", "^", "_"):
            raise FormulaError(self.tex)
        return Node("op", text="−" if tok == "-" else tok)


@lru_cache(maxsize=256)
def parse(tex: str) -> Node:
    """The formula ``tex`` (without its ``$``) as a tree; :class:`FormulaError` outside raqmana's TeX."""
    p = _Parser(tex)
    row = p.row()
    if p.peek() is not None:
        raise FormulaError(tex)
    return row


def valid(tex: str) -> bool:
    """Whether ``tex`` is a formula raqmana typesets (other ``$…$`` text stays as written)."""
    try:
        parse(tex)
    except FormulaError:
        return False
    return True


def split(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into pieces, each (piece, True when it is a formula's TeX without its ``$``)."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in FORMULA.finditer(text):
        if not valid(m.group(1)):  # not raqmana's TeX: left as text
            continue
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


# --- plain text (screen readers, tooltips, any reader without typesetting) ----------------------------
def _plain(node: Node) -> str:
    k = node.kind
    if k in ("var", "num", "name"):
        return node.text
    if k == "op":
        return f" {node.text} " if node.text in BINARY else node.text
    if k == "row":
        out, before = "", None
        for c in node.children:
            if (
                before is not None
                and "op" not in (before.kind, c.kind)
                and (before.kind, c.kind) != ("name", "fence")
            ):
                out += " "  # a product or a function's argument: w_i x_i, ln x
            out += _plain(c)
            before = c
        return out
    if k == "frac":
        num, den = (_plain(c) for c in node.children)
        return f"{_wrap(num)}/{_wrap(den)}"
    if k == "scripts":
        text = _plain(node.children[0])
        if node.sub is not None:
            text += "_" + _wrap(_plain(node.sub))
        if node.sup is not None:
            text += "^" + _wrap(_plain(node.sup))
        return text
    if k == "big":
        text = node.text + ("_" + _wrap(_plain(node.sub)) if node.sub is not None else "")
        return text + " " + _plain(_row(node.children))
    if k == "fence":
        return node.text[0] + _plain(node.children[0]) + node.text[1]
    if k == "bar":
        return _plain(node.children[0]) + "\u0304"
    raise FormulaError(k)


def _wrap(text: str) -> str:
    text = text.strip()
    return text if re.fullmatch(r"[\w.\u0304]+", text) else f"({text})"


def plain(tex: str) -> str:
    """The formula as one line of text: (x − min x)/(max x − min x)."""
    return " ".join(_plain(parse(tex)).split())


# --- HTML (web pages, HTML and PDF reports) -------------------------------------------------------------
def _has_frac(node: Node) -> bool:
    return node.kind == "frac" or any(_has_frac(c) for c in node.children)


def _html(node: Node) -> Markup:
    k = node.kind
    if k == "var":
        return Markup("<var>{}</var>").format(node.text)
    if k == "num":
        return Markup("<span class='rq-mn'>{}</span>").format(node.text)
    if k == "name":
        return Markup("<span class='rq-fn'>{}</span>").format(node.text)
    if k == "op":
        cls = "rq-mo rq-bin" if node.text in BINARY else "rq-mo"
        return Markup("<span class='{}'>{}</span>").format(cls, HTML_OPS.get(node.text, node.text))
    if k == "row":
        out = Markup("")
        for before, c in zip([None, *node.children], node.children, strict=False):
            if before is not None and before.kind == "name" and c.kind != "op":
                out += Markup("\u2009")  # a thin space between a function and its argument: ln x
            out += _html(c)
        return out
    if k == "frac":
        num, den = node.children
        return Markup(
            "<span class='rq-frac'><span class='rq-num'>{}</span><span class='rq-den'>{}</span></span>"
        ).format(_html(num), _html(den))
    if k == "scripts":
        out = _html(node.children[0])
        return out + _scripts(node)
    if k == "big":
        out = Markup("<span class='rq-big'>{}</span>").format(HTML_BIG.get(node.text, node.text)) + _scripts(
            node
        )
        return out + _html(_row(node.children))
    if k == "fence":
        inner = node.children[0]
        cls = "rq-fence rq-tall" if _has_frac(inner) else "rq-fence"
        return Markup("<span class='{c}'>{o}</span>{inner}<span class='{c}'>{e}</span>").format(
            c=cls, o=node.text[0], inner=_html(inner), e=node.text[1]
        )
    if k == "bar":
        return Markup("<span class='rq-bar'>{}</span>").format(_html(node.children[0]))
    raise FormulaError(k)


def _scripts(node: Node) -> Markup:
    out = Markup("")
    if node.sub is not None:
        out += Markup("<sub>{}</sub>").format(_html(node.sub))
    if node.sup is not None:
        out += Markup("<sup>{}</sup>").format(_html(node.sup))
    return out


@lru_cache(maxsize=256)
def to_html(tex: str) -> Markup:
    """The formula typeset in HTML, a left-to-right isolate read out as its plain text."""
    return Markup("<bdi dir='ltr' class='rq-math' role='math' aria-label='{}'>{}</bdi>").format(
        plain(tex), _html(parse(tex))
    )


def html_text(text: str, rest: Any = escape) -> Markup:
    """``text`` as HTML: its formulas typeset, the pieces between them through ``rest`` (escaped)."""
    return Markup("").join(
        to_html(piece) if is_formula else Markup(rest(piece))  # nosec B704  # rest escapes (escape or markdown-it)
        for piece, is_formula in split(text)
    )


# --- Office Math (DOCX) ----------------------------------------------------------------------------------
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def to_omml(tex: str) -> Any:
    """The formula as an ``m:oMath`` element (lxml) to put in a Word paragraph."""
    from lxml import etree

    def el(tag: str, *children: Any, **attrs: str) -> Any:
        e = etree.Element(f"{{{M}}}{tag}", nsmap={"m": M, "w": W})
        for name, value in attrs.items():
            e.set(f"{{{M}}}{name}", value)
        for c in children:
            e.append(c)
        return e

    def run(text: str, upright: bool = False) -> Any:
        r = el("r")
        if upright:
            r.append(el("rPr", el("sty", val="p")))
        t = el("t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        r.append(t)
        return r

    def items(node: Node) -> list[Any]:
        k = node.kind
        if k == "row":
            return [x for c in node.children for x in items(c)]
        if k == "var":
            return [run(node.text)]
        if k in ("num", "name"):
            return [run(node.text, upright=True)]
        if k == "op":
            return [run(f" {node.text} " if node.text in BINARY else node.text, upright=True)]
        if k == "frac":
            num, den = node.children
            return [el("f", el("num", *items(num)), el("den", *items(den)))]
        if k == "scripts":
            base = el("e", *items(node.children[0]))
            if node.sub is not None and node.sup is not None:
                return [el("sSubSup", base, el("sub", *items(node.sub)), el("sup", *items(node.sup)))]
            if node.sub is not None:
                return [el("sSub", base, el("sub", *items(node.sub)))]
            return [el("sSup", base, el("sup", *items(node.sup or _row([]))))]
        if k == "big":
            pr = el("naryPr", el("chr", val=node.text), el("limLoc", val="undOvr"))
            if node.sub is None:
                pr.append(el("subHide", val="1"))
            if node.sup is None:
                pr.append(el("supHide", val="1"))
            sub = el("sub", *(items(node.sub) if node.sub is not None else []))
            sup = el("sup", *(items(node.sup) if node.sup is not None else []))
            return [el("nary", pr, sub, sup, el("e", *[x for c in node.children for x in items(c)]))]
        if k == "fence":
            pr = el("dPr", el("begChr", val=node.text[0]), el("endChr", val=node.text[1]))
            return [el("d", pr, el("e", *items(node.children[0])))]
        if k == "bar":
            return [el("bar", el("barPr", el("pos", val="top")), el("e", *items(node.children[0])))]
        raise FormulaError(k)

    return el("oMath", *items(parse(tex)))
