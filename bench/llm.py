"""The model path's figures on labelled messages, against the fake OpenAI server (no network).

    .venv/bin/python bench/llm.py                      # the blind corpus, eval/corpus
    .venv/bin/python bench/llm.py --eval ../shared/eval/dev.jsonl
    .venv/bin/python bench/llm.py --mode always --noise amount,customer --crowd 300
    .venv/bin/python bench/llm.py --eval eval/corpus/*-b10.tune.jsonl --noise '' --crowd 0 --misses

The fake answers each message with its label (the first item where a label lists several):
an exact model. The path is the chat's, in the chat's default mode (`CRM_LLM=auto`), so the
figures say what a rep gets with a perfect model configured. Printed, per part of the corpus
(tune / scored) and language, as markdown rows:

- messages fully right and fields right: offline alone, and with the exact model;
- the share of messages sent to the model, prompt and completion tokens per message sent
  (the fake's estimate: tiktoken is not installed, see `estimate_tokens`);
- the reply time the model path adds (the fake answers at once: a real model adds its own time);
- with `--noise`, a noisy model: the label with one field made wrong (an amount the message does
  not write, a date in a message without one, an invented customer or contact, a wrong language,
  a wrong stage, a question's intent for a note); what the validator keeps of what the offline
  parse got right, and what it cannot check;
- with `--crowd N`, each message's known customers padded with N others from the corpus: how
  often the shortlist offered to the model holds the customer meant (a team with many customers).

Only summary figures are printed: the scored part's misses are never shown. `--misses` lists, for
tune files given with `--eval` only, each message the exact model path gets wrong: its id, the
fields wrong (expected / got), whether it was sent to the model, and why not or why its answer was
not used (`kept offline: several customers`, `error: note_kept`, `repaired: amount=not_in_text`).
"""
from __future__ import annotations

import argparse
import asyncio
import functools
import importlib.util
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.parse_cli import local_now  # noqa: E402
from handlers.understanding import understand  # noqa: E402
from handlers.understanding.hybrid import understand_hybrid_ex  # noqa: E402
from handlers.understanding.llm.client import LlmClient, candidates  # noqa: E402
from handlers.understanding.llm.schema import written_in  # noqa: E402
from tests.fakes.openai_server import FakeOpenAI, reply  # noqa: E402

_spec = importlib.util.spec_from_file_location("score", ROOT / "eval" / "score.py")
assert _spec is not None and _spec.loader is not None, "eval/score.py is missing"
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)
FIELDS: list[str] = score.FIELDS
CONFIDENCE_BANDS = (0.0, 0.5, 0.7, 0.8, 0.9)
NOISE = ("amount", "date", "customer", "contact", "lang", "stage", "question")


def first(value: Any) -> Any:
    return value[0] if isinstance(value, list) else value


def exact_answer(item: dict) -> dict:
    """The label as an exact model answers it: the first acceptable value of each field, except
    that a customer or contact is given as the store or the message writes it where the label
    accepts that spelling ("agua fria pest" beside "Agua Fria Pest Control", "吴" beside "吴老板")."""
    answer = {f: first(v) for f, v in item["expect"].items()}
    for name in ("customer", "contact"):
        accepted = item["expect"][name]
        if isinstance(accepted, list) and answer[name] not in item["known"]:
            answer[name] = next((v for v in accepted if v in item["known"]),
                                next((v for v in accepted if v and written_in(v, item["text"])), answer[name]))
    return answer


def noisy(label: dict, today: str, kind: str) -> dict:
    """The label with one field made wrong, as a careless model would answer."""
    out = dict(label)
    if kind == "amount":
        out["amount"], out["currency"] = (out["amount"] or 9000) * 7 + 350, out["currency"] or "USD"
    elif kind == "date" and out["intent"] == "log":
        out["followup_on"] = (local_day(today, 23) if out["followup_on"] is None else local_day(out["followup_on"], 23))
    elif kind == "customer" and out["intent"] in ("log", "query_customer"):
        out["customer"] = "Northwind Traders"
    elif kind == "contact" and out["intent"] == "log":
        out["contact"] = "Laura Chen"
    elif kind == "lang":
        out["lang"] = {"en": "ru", "ru": "zh", "zh": "en"}[out["lang"]]
    elif kind == "stage" and out["intent"] == "log":
        out["stage"] = "won" if out["stage"] != "won" else "lost"
    elif kind == "question" and out["intent"] == "log":
        out = {**{f: None for f in FIELDS}, "lang": out["lang"], "intent": "pipeline"}
    return out


def local_day(iso: str, days: int) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


@dataclass
class Tally:
    """Counts for one group of messages (a part and a language)."""

    messages: int = 0
    offline_right: int = 0
    right: int = 0
    offline_fields: int = 0
    fields: int = 0
    fields_seen: int = 0
    sent: int = 0
    kept: int = 0              # fields the offline parse got right and the final parse keeps right
    offline_good: int = 0
    prompt: list[int] = field(default_factory=list)
    completion: list[int] = field(default_factory=list)
    added: list[float] = field(default_factory=list)

    def add(self, item: dict, offline: dict, final: dict, sent: bool, usage: tuple[int, int] | None,
            added: float) -> None:
        expect = item["expect"]
        off_ok = [score.same(expect[f], offline.get(f)) for f in FIELDS]
        ok = [score.same(expect[f], final.get(f)) for f in FIELDS]
        self.messages += 1
        self.offline_right += all(off_ok)
        self.right += all(ok)
        self.offline_fields += sum(off_ok)
        self.fields += sum(ok)
        self.fields_seen += len(FIELDS)
        self.offline_good += sum(off_ok)
        self.kept += sum(a and b for a, b in zip(off_ok, ok))
        self.sent += sent
        if usage is not None:
            self.prompt.append(usage[0])
            self.completion.append(usage[1])
        if sent:
            self.added.append(added)


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


async def run_part(items: list[dict], mode: str, answer: Callable[[dict, str], dict], fake: FakeOpenAI,
                   llm: LlmClient, misses: list[str] | None = None) -> dict[str, Tally]:
    """Every message through the chat's path; tallies per language and for all."""
    labels = {(local_now(i["now"], i["tz"]).date().isoformat(), i["text"]): i for i in items}

    def oracle(body: dict) -> Any:
        user = body["messages"][1]["content"]
        today = user.split("Today: ", 1)[1][:10]
        message = user.split("<<<\n", 1)[1].rsplit("\n>>>", 1)[0]
        item = labels.get((today, message))
        label = exact_answer(item) if item else {"lang": "en", "intent": "unknown"}
        return reply(answer(label, today) if item else label)

    fake.answer = oracle
    tallies: dict[str, Tally] = {}
    for item in items:
        now = local_now(item["now"], item["tz"])
        started = time.perf_counter()
        offline = understand(item["text"], now, item["known"])
        offline_time = time.perf_counter() - started
        before = (fake.calls, fake.prompt_tokens, fake.completion_tokens)
        started = time.perf_counter()
        outcome = await understand_hybrid_ex(item["text"], now, item["known"], None, llm, mode)
        hybrid_time = time.perf_counter() - started
        asked = fake.calls > before[0]
        usage = (fake.prompt_tokens - before[1], fake.completion_tokens - before[2]) if asked else None
        for key in (first(item["expect"]["lang"]), "all"):
            tallies.setdefault(key, Tally()).add(item, offline.to_json(), outcome.parse.to_json(), asked, usage,
                                                 hybrid_time - offline_time)
        if misses is not None:
            misses.extend(miss_lines(item, outcome, asked))
    return tallies


def miss_lines(item: dict, outcome: Any, asked: bool) -> list[str]:
    """What the exact model path got wrong in one message, and why (for tune files only)."""
    got = outcome.parse.to_json()
    wrong = [f for f in FIELDS if not score.same(item["expect"][f], got.get(f))]
    if not wrong:
        return []
    if not asked:
        why = "not sent: " + ("several customers" if outcome.offline.others else
                              "sure greeting or help" if outcome.offline.intent == "help" else
                              ",".join(outcome.offline.problems) or outcome.error or "mode")
    else:
        why = "sent; " + (f"error: {outcome.error}" if outcome.error else "used") + \
              "".join(f"; repaired {k}={v}" for k, v in outcome.repaired.items())
    lines = [f"{item['id']}  [{why}]  {item['text'][:160]!r}".replace("\\n", " / ")]
    lines += [f"    {f}: expected {item['expect'][f]!r}, got {got.get(f)!r}" for f in wrong]
    return lines


def table(title: str, parts: dict[str, dict[str, Tally]]) -> None:
    print(f"\n### {title}\n")
    print("| part | language | messages | offline: fully right / fields | with the model: fully right / fields "
          "| sent to the model | prompt / completion tokens per message sent | reply time added (median / p95) |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for part, tallies in parts.items():
        for lang, t in sorted(tallies.items(), key=lambda kv: (kv[0] == "all", kv[0])):
            tokens = (f"{statistics.mean(t.prompt):.0f} / {statistics.mean(t.completion):.0f}" if t.prompt else "–")
            added = sorted(t.added)
            times = (f"{1000 * statistics.median(added):.1f} / {1000 * added[int(0.95 * (len(added) - 1))]:.1f} ms"
                     if added else "–")
            print(f"| {part} | {lang} | {t.messages} | {pct(t.offline_right, t.messages)} / "
                  f"{pct(t.offline_fields, t.fields_seen)} | **{pct(t.right, t.messages)}** / "
                  f"{pct(t.fields, t.fields_seen)} | {pct(t.sent, t.messages)} | {tokens} | {times} |")


def confidence_table(parts: dict[str, list[dict]]) -> None:
    """Whether the offline parse's own confidence tells when it is wrong (it would let `auto` keep
    the sure ones offline): messages fully right offline, per confidence."""
    print("\n### Offline messages fully right, by the offline parse's confidence\n")
    bounds = [*CONFIDENCE_BANDS[1:], 1.0]
    print("| part | " + " | ".join(f"confidence {low:.1f}–{high:.1f}" for low, high in zip(CONFIDENCE_BANDS, bounds))
          + " |")
    print("| --- |" + " ---: |" * len(CONFIDENCE_BANDS))
    for part, items in parts.items():
        counts = {low: [0, 0] for low in CONFIDENCE_BANDS}
        for item in items:
            parse = understand(item["text"], local_now(item["now"], item["tz"]), item["known"])
            low = max(b for b in CONFIDENCE_BANDS if b <= parse.confidence + 1e-9)
            got = parse.to_json()
            counts[low][0] += 1
            counts[low][1] += all(score.same(item["expect"][f], got.get(f)) for f in FIELDS)
        print(f"| {part} | " + " | ".join(f"{pct(right, n)} of {n}" for n, right in counts.values()) + " |")


def noise_table(rows: list[tuple[str, str, Tally]]) -> None:
    print("\n### A noisy model: the label with one field made wrong\n")
    print("| the model's mistake | part | fully right | fields right | of the fields offline got right, kept right |")
    print("| --- | --- | ---: | ---: | ---: |")
    for kind, part, t in rows:
        print(f"| {kind} | {part} | {pct(t.right, t.messages)} | {pct(t.fields, t.fields_seen)} | "
              f"{pct(t.kept, t.offline_good)} |")


def shortlist_recall(parts: dict[str, list[dict]], crowd: int) -> None:
    """How often the candidates offered to the model hold the known customer the label names."""
    every = sorted({name for items in parts.values() for item in items for name in item["known"]})
    rng = random.Random(14)
    print(f"\n### The known customer meant is among the candidates offered to the model (`--crowd {crowd}`)\n")
    print("| part | messages naming a known customer | offered, the team's own list | offered, padded with "
          f"{crowd} other customers |")
    print("| --- | ---: | ---: | ---: |")
    for part, items in parts.items():
        seen = own = padded = 0
        for item in items:
            meant = [n for n in (item["expect"]["customer"] if isinstance(item["expect"]["customer"], list)
                                 else [item["expect"]["customer"]]) if n in item["known"]]
            if not meant:
                continue
            others = [n for n in rng.sample(every, min(crowd, len(every))) if n not in item["known"]]
            seen += 1
            own += any(n in candidates(item["text"], item["known"]) for n in meant)
            padded += any(n in candidates(item["text"], item["known"] + others) for n in meant)
        print(f"| {part} | {seen} | {pct(own, seen)} | {pct(padded, seen)} |")


def load_parts(args: argparse.Namespace) -> dict[str, list[dict]]:
    def read(paths: list[Path]) -> list[dict]:
        return [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]

    if args.eval:
        paths = [Path(p) for p in args.eval]
        name = paths[0].stem if len(paths) == 1 else ".".join(sorted({p.stem.split("-", 1)[-1] for p in paths}))
        return {name: read(paths)}
    corpus = ROOT / "eval" / "corpus"
    return {part: read(sorted(corpus.glob(f"*.{part}.jsonl"))) for part in ("tune", "scored")}


async def main_async(args: argparse.Namespace) -> None:
    parts = load_parts(args)
    fake = FakeOpenAI()
    await fake.start()
    llm = LlmClient(api_key="bench", base_url=fake.base_url, timeout=8, max_retries=0)
    try:
        misses: list[str] | None = [] if args.misses else None
        exact = {part: await run_part(items, args.mode, lambda label, today: label, fake, llm, misses)
                 for part, items in parts.items()}
        table(f"An exact model, `CRM_LLM={args.mode}`", exact)
        if misses:
            print("\n### Misses with an exact model\n")
            print("\n".join(misses))
        confidence_table(parts)
        rows = []
        for kind in [k for k in args.noise.split(",") if k]:
            for part, items in parts.items():
                tallies = await run_part(items, args.mode, functools.partial(noisy, kind=kind), fake, llm)
                rows.append((kind, part, tallies["all"]))
        if rows:
            noise_table(rows)
    finally:
        await fake.stop()
    if args.crowd:
        shortlist_recall(parts, args.crowd)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", nargs="+", help="labelled JSON-lines files instead of the blind corpus")
    ap.add_argument("--misses", action="store_true", help="list each miss and why (tune files given with --eval only)")
    ap.add_argument("--mode", default="auto", choices=("auto", "always", "off"))
    ap.add_argument("--noise", default=",".join(NOISE), help=f"comma-separated, of {', '.join(NOISE)} ('' for none)")
    ap.add_argument("--crowd", type=int, default=300, help="pad each team's customers with N others (0: skip)")
    args = ap.parse_args()
    if args.misses and not (args.eval and all(p.endswith(".tune.jsonl") for p in args.eval)):
        ap.error("--misses is for tune files given with --eval only: the scored part's misses are never read")
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
