"""The analyses for animators: knowledge at risk, the latent network, a community's
health. Their explanations are the English texts the API worded from the catalogue
(``reason``, ``why``, ``guidance``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from copdesk.textout.terminal import counted, lines

RISK_TAGS = {
    "single_holder": "single holder",
    "no_holder": "no holder",
    "expiring": "expiring",
    "unwritten_expert": "unwritten expert",
    "uncovered_skill": "no sheet",
}
SHOWN = 10  # findings shown per section of `network`


def risks(rows: Sequence[Mapping[str, Any]]) -> str:
    """The ranked list: rank, what, where, score, then the reason."""
    if not rows:
        return "no knowledge at risk found\n"
    out = []
    for line in rows:
        where = line["site"] or "all sites"
        out.append(
            f"{line['rank']:>3}. [{RISK_TAGS[line['kind']]}] {line['skill_name']} "
            f"— {where}, score {line['score']}"
        )
        out.append(f"     {line['reason']}")
    return lines(out)


def network(result: Mapping[str, Any]) -> str:
    """The summary of `copdesk network`: counts, then each kind of finding."""
    out = [
        f"{counted(result['people'], 'person')}, {counted(result['work_ties'], 'work tie')}, "
        f"{counted(result['affinity_ties'], 'affinity tie')} (shared skills or communities), "
        f"{counted(len(result['clusters']), 'working group')}"
    ]

    def section(title: str, rows: list[dict[str, Any]], show: Callable) -> None:
        out.append("")
        out.append(f"{title} ({len(rows)})")
        if not rows:
            out.append("  none")
        for row in rows[:SHOWN]:
            out.extend("  " + line for line in show(row))
        if len(rows) > SHOWN:
            out.append(f"  … {len(rows) - SHOWN} more (--json)")

    section(
        "Bridges",
        result["bridges"],
        lambda b: [
            f"{b['name']} ({b['site'] or 'no site'}), betweenness {b['betweenness']:.3f}",
            *(f"  - {w}" for w in b["why"]),
        ],
    )
    section(
        "Isolated people",
        result["isolated_people"],
        lambda i: [f"{i['name']} ({i['site'] or 'no site'}): {i['why']}"],
    )
    section("Isolated sites", result["isolated_sites"], lambda s: [f"{s['site']}: {s['why']}"])
    section(
        "Who should meet whom",
        result["suggestions"],
        lambda s: [f"{s['a_name']} ↔ {s['b_name']} on {s['topic']}", f"  - {s['why']}"],
    )
    section(
        "Candidate communities",
        result["candidate_communities"],
        lambda c: [f"{', '.join(c['theme'])}: {', '.join(c['names'])}", f"  - {c['why']}"],
    )
    return lines(out)


def stats(s: Mapping[str, Any]) -> str:
    split = s["members_split"]
    months = s["contributions_per_month"]
    hours = s["median_hours_to_first_answer"]
    out = [
        s["community_name"] or "the whole site",
        f"  members {s['members']}: active {s['active_30']} (30 days), {s['active_90']} (90 days);"
        f" core {split['core']}, occasional {split['occasional']}, readers {split['readers']}",
        "  contributions per month: " + ", ".join(f"{m} {n}" for m, n in list(months.items())[-6:]),
        f"  questions {s['questions']} ({s['open_questions']} open), median time to first answer "
        f"{'—' if hours is None else f'{hours} h'}",
        f"  waiting for validation {s['validation_backlog']}, past their review date"
        f" {s['past_review']}",
        "  sites taking part: " + (", ".join(s["sites_taking_part"]) or "none in 90 days"),
    ]
    if s.get("validated_unrecognised"):
        out.insert(
            -1,
            f"  validated at another site by someone not a validator here"
            f" {s['validated_unrecognised']}",
        )
    if "stage" in s:
        out.append(f"  stage: {s['stage']}" + (" (archived)" if s["archived"] else ""))
        out.append(f"  diagnosis: {s['diagnosis']['reason']}")
        out += [f"    - {action}" for action in s["guidance"]]
    return lines(out)
