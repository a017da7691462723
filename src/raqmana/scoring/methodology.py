"""``Build.methodology(lang)``: the steps of a build as actually run, in en/ar/ckb (Markdown)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from raqmana.i18n.bidi import LRI, PDI
from raqmana.i18n.catalog import ngettext
from raqmana.i18n.locales import get_locale
from raqmana.scoring.methodology_text import FORMULAS, TEXT

if TYPE_CHECKING:
    from raqmana.scoring.build import Build

MAX_LISTED = 20


def render(b: Build, lang: str = "en") -> str:
    code = get_locale(lang).code
    t = TEXT[code]
    sep = ", " if code == "en" else "، "
    log = b.log

    def say(key: str, **params: Any) -> str:
        if key in FORMULAS:
            params["formula"] = formula(key)
        return t[key].format(**params)

    def option(step: str, method: str) -> str:
        """An option of the recipe in words ("median", not "median"'s code); unknown ones as written."""
        return t.get(f"opt.{step}.{method}", method)

    def with_formula(name: str, key: str) -> str:
        return f"{name}{sep}{formula(key)}" if key in FORMULAS else name

    def codes(items: Iterable[str]) -> str:
        items = list(items)
        if not items:
            return t["none"]
        shown = sep.join(items[:MAX_LISTED])
        return shown + (" " + say("more", count=len(items) - MAX_LISTED) if len(items) > MAX_LISTED else "")

    name = b.recipe.name or b.index  # as the recipe writes it: a left-to-right isolate in ar and ckb
    lines: list[str] = [f"# {say('title', name=name if code == 'en' else f'{LRI}{name}{PDI}')}", ""]
    levels = sorted({b.tree.level[a] for a in b.tree.aggregates})
    lines += [
        say(
            "data",
            units=ngettext(code, "{n} unit", "{n} units", len(b.units), n=len(b.units)),
            indicators=ngettext(
                code, "{n} indicator", "{n} indicators", len(b.tree.indicators), n=len(b.tree.indicators)
            ),
            aggregates=ngettext(
                code, "{n} aggregate", "{n} aggregates", len(b.tree.aggregates), n=len(b.tree.aggregates)
            ),
            levels=ngettext(code, "{n} level", "{n} levels", len(levels) + 1, n=len(levels) + 1),
        ),
        "",
    ]

    s = log["screen"]
    lines += [f"## {t['h_screen']}", ""]
    if (
        not s["unit_min"]
        and not s["indicator_min"]
        and not s["dropped_units"]
        and not s["dropped_indicators"]
    ):
        lines.append(say("screen.none"))  # no minimum set: no sentence about "less than 0 %"
    else:
        lines.append(
            say(
                "screen",
                unit_min=_pct(s["unit_min"]),
                ind_min=_pct(s["indicator_min"]),
                units=codes(s["dropped_units"]),
                indicators=codes(s["dropped_indicators"]),
            )
        )
    den = log.get("denominate", {})
    if den.get("indicators"):
        items = [
            f"{c} ÷ {d['denominator']}" + (f" × {_num(d['scale'])}" if d["scale"] != 1 else "")
            for c, d in den["indicators"].items()
        ]
        lines.append(say("denominate", items=codes(items)))
    elif den.get("method") == "none" and any(b.tree.nodes[c].denominator for c in b.tree.indicators):
        lines.append(say("denominate.none"))
    if s.get("unit_screen", "na") != "na":
        lines.append(say("screen.zeros", share=_pct(s["nonzero_min"])))
    if s.get("order") == "after_impute":
        lines.append(say("screen.after"))
    if s.get("forced_in") or s.get("forced_out"):
        lines.append(say("screen.forced", kept=codes(s["forced_in"]), out=codes(s["forced_out"])))
    lines.append("")

    imp = log["impute"]
    lines += [f"## {t['h_impute']}", ""]
    params = {
        "cells": imp["cells"],
        "group": imp.get("group", ""),
        "rounds": imp.get("rounds", 0),
        "tol": _num(imp.get("tol", 0)),
        "max_iter": imp.get("max_iter", 0),
        "converged": t["converged"] if imp.get("converged") else t["not_converged"],
    }
    method = imp["method"] + (".extrapolate" if imp.get("extrapolate") else "")
    lines.append(say(f"impute.{method}", **params))
    if imp["method"] != "none":
        total = b.imputed.values.size
        lines.append(
            say("imputed", imputed=imp["imputed"], share=_pct(imp["imputed"] / total if total else 0))
        )
    lines.append("")

    tr = log["treat"]
    lines += [f"## {t['h_treat']}", ""]
    if tr["method"] == "winsorise":
        lines.append(
            say(
                "treat.winsorise",
                skew=_num(tr["skew"]),
                kurt=_num(tr["kurt"]),
                winmax=tr["winmax"],
                indicators=codes(f"{c} ({n})" for c, n in tr["indicators"].items()),
                cells=tr["cells"],
                still=codes(tr["still_failing"]),
            )
        )
    elif tr["method"] != "none":
        method = with_formula(option("treat", tr["method"]), tr["method"])
        lines.append(say("treat.transform", skew=_num(tr["skew"]), kurt=_num(tr["kurt"]), method=method))
    else:
        lines.append(say("treat.none"))
    if tr.get("transformed"):
        lines.append(
            say(
                "treat.transformed",
                items=codes(f"{c} ({option('treat', m)})" for c, m in tr["transformed"].items()),
            )
        )
    if tr.get("by_indicator"):
        lines.append(
            say(
                "treat.by_indicator",
                items=codes(f"{c}: {option('treat', s['method'])}" for c, s in tr["by_indicator"].items()),
            )
        )
    lines.append("")

    nm = log["normalise"]
    lines += [f"## {t['h_normalise']}", ""]
    nparams = {k: _num(v) for k, v in nm.items() if isinstance(v, int | float) and not isinstance(v, bool)}
    nparams["cap"] = t["cap"] if nm.get("cap") else ""
    lines.append(say(f"normalise.{nm['method']}", **nparams))
    if nm.get("fallback_indicators"):
        lines.append(say("fallback", scale=_num(nm["scale"]), indicators=codes(nm["fallback_indicators"])))
    if nm["inverted"]:
        lines.append(say("inverted", indicators=codes(nm["inverted"])))
    lines.append("")

    lines += [f"## {t['h_weights']}", "", say(f"weights.{log['weights']['method']}"), ""]

    ag = log["aggregate"]
    lines += [f"## {t['h_aggregate']}", ""]
    for level in levels:
        nodes = [a for a in b.tree.aggregates if b.tree.level[a] == level]
        for mean in dict.fromkeys(ag["by_aggregate"][a] for a in nodes):
            chosen = [a for a in nodes if ag["by_aggregate"][a] == mean]
            lines.append(
                "- "
                + say("aggregate.level", level=level, mean=with_formula(t[mean], mean), nodes=codes(chosen))
            )
    if any(m in FORMULAS for m in ag["by_aggregate"].values()):
        lines += ["", say("formula.legend")]
    lines += ["", say(f"na.{ag['na']}")]
    other = "zero" if ag["na"] == "reweight" else "reweight"
    exceptions = [c for c in b.tree.codes if b.tree.nodes[c].na == other]
    if exceptions:
        lines.append(say("na.nodes" if other == "zero" else "na.nodes_reweight", nodes=codes(exceptions)))
    thresh = ag.get("dat_thresh")
    if isinstance(thresh, dict):
        by = sep.join(f"{k}: {_pct(v)}" for k, v in thresh.items())
        lines.append(say("dat_thresh", share="…", levels=say("dat_thresh.levels", levels=by)))
    elif thresh is not None:
        lines.append(say("dat_thresh", share=_pct(thresh), levels=""))
    lines += [say("availability"), ""]

    lines += [f"## {t['h_stages']}", ""]
    if not b.recipe.stages:
        lines.append(say("stages.none"))
    for rule in b.recipe.stages:
        text = "- " + say(f"stage.{rule.scheme}", nodes=codes(rule.nodes or b.tree.aggregates))
        if rule.score_max is not None:
            text += say("scaled", max=_num(rule.score_max))
        lines.append(text)
    unc = b.recipe.uncertainty
    if unc is not None:

        def options(step: str, first: str, alternatives: list[str]) -> str:
            return codes(
                [f"{option(step, first)} ({t['recipe_choice']})", *(option(step, a) for a in alternatives)]
            )

        lines += [
            "",
            f"## {t['h_uncertainty']}",
            "",
            say(
                "uncertainty",
                runs=unc.runs,
                seed=unc.seed,
                noise=sep.join(f"{k}: {_pct(v)}" for k, v in sorted(unc.noise_by_level.items()))
                if unc.noise_by_level
                else _pct(unc.weight_noise),
                impute=options("impute", b.recipe.impute.method, [s.method for s in unc.impute]),
                normalise=options("normalise", b.recipe.normalise.method, [s.method for s in unc.normalise]),
                aggregate=options("aggregate", b.recipe.aggregate.method, list(unc.aggregate)),
                low=_pct(unc.quantiles[0]),
                high=_pct(unc.quantiles[1]),
            ),
        ]
        if unc.treat:
            lines.append(
                say(
                    "uncertainty.treat",
                    treat=options("treat", b.recipe.treat.method, [s.method for s in unc.treat]),
                )
            )
    return "\n".join(lines).rstrip() + "\n"


def formula(key: str) -> str:
    """The formula of ``key`` as Markdown math (``$…$``), which the web page, the reports and Markdown
    readers typeset."""
    return f"${FORMULAS[key]}$"


def _pct(share: float) -> str:
    return f"{100 * float(share):.0f} %"


def _num(value: Any) -> str:
    return f"{float(value):g}"
