"""The LLM path's figures on the labelled messages, against the fake OpenAI server (no network).

    .venv/bin/python bench/llm.py [--eval ../shared/eval/dev.jsonl] [--repeat 200]

- prompt and completion tokens per message (`always` mode, every message asked; the fake
  answers with the message's label, so completions are the size of a right answer).
  Tokens are the server's estimate (tiktoken is not installed; see `estimate_tokens`),
  counting the system prompt, the JSON schema, the candidates and the message.
  Goal: ≤ 700 prompt tokens per message.
- the share of messages `auto` mode sends to the LLM, and which signals fired;
- the latency the hybrid path adds when the LLM is not needed (goal ≤ 1 ms).

Prints markdown rows.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.parse_cli import local_now  # noqa: E402
from handlers.understanding import understand  # noqa: E402
from handlers.understanding.hybrid import understand_hybrid_ex  # noqa: E402
from handlers.understanding.llm import LlmClient  # noqa: E402
from tests.fakes.openai_server import FakeOpenAI, reply  # noqa: E402

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl"


def first(value):
    return value[0] if isinstance(value, list) else value


async def run(items: list[dict], repeat: int) -> None:
    fake = FakeOpenAI()
    await fake.start()
    by_text = {item["text"]: {k: first(v) for k, v in item["expect"].items()} for item in items}

    def oracle(body: dict):
        user = body["messages"][1]["content"]
        label = next((v for t, v in by_text.items() if t in user), {})
        return reply({"lang": "en", "intent": "unknown", **label})

    fake.answer = oracle
    llm = LlmClient(api_key="bench", base_url=fake.base_url, timeout=8, max_retries=0)
    per_lang: dict[str, list[tuple[int, int]]] = {}
    used = 0
    for item in items:
        before = (fake.prompt_tokens, fake.completion_tokens, fake.calls)
        outcome = await understand_hybrid_ex(item["text"], local_now(item["now"], item["tz"]), item["known"],
                                             None, llm, "always")
        if fake.calls > before[2]:
            lang = first(item["expect"].get("lang", "?"))
            per_lang.setdefault(lang, []).append((fake.prompt_tokens - before[0],
                                                  fake.completion_tokens - before[1]))
        used += outcome.source == "llm"
    print("| language | messages asked | prompt tokens (mean) | prompt tokens (max) | completion tokens (mean) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    everything = [pc for rows in per_lang.values() for pc in rows]
    for lang, rows in sorted(per_lang.items()) + [("all", everything)]:
        print(f"| {lang} | {len(rows)} | {statistics.mean(p for p, _ in rows):.0f} | {max(p for p, _ in rows)} | "
              f"{statistics.mean(c for _, c in rows):.0f} |")
    print(f"\nAnswers accepted after the checks (`always`, label answers): {used}/{len(items)} "
          f"(the rest are help requests, kept offline)\n")

    # auto mode: which messages would be sent
    reasons: Counter[str] = Counter()
    asked = 0
    calls = fake.calls
    for item in items:
        outcome = await understand_hybrid_ex(item["text"], local_now(item["now"], item["tz"]), item["known"],
                                             None, llm, "auto")
        asked += bool(outcome.reasons)
        reasons.update(outcome.reasons)
    print("| auto mode | value |")
    print("| --- | ---: |")
    print(f"| messages sent to the LLM | {asked}/{len(items)} ({100 * asked / len(items):.1f} %) |")
    for reason, n in reasons.most_common():
        print(f"| signal `{reason}` | {n} |")
    assert fake.calls - calls == asked

    # latency the hybrid path adds when the LLM is not needed
    offline_only = [item for item in items if not (await understand_hybrid_ex(
        item["text"], local_now(item["now"], item["tz"]), item["known"], None, llm, "auto")).reasons]
    plain, hybrid = [], []
    for item in offline_only:
        now = local_now(item["now"], item["tz"])
        for _ in range(repeat):
            t0 = time.perf_counter()
            understand(item["text"], now, item["known"])
            t1 = time.perf_counter()
            await understand_hybrid_ex(item["text"], now, item["known"], None, llm, "auto")
            t2 = time.perf_counter()
            plain.append(t1 - t0)
            hybrid.append(t2 - t1)
    added = statistics.median(hybrid) - statistics.median(plain)
    p95 = sorted(h - p for h, p in zip(hybrid, plain))[int(0.95 * len(plain))]
    print(f"\n| latency, LLM not needed ({len(offline_only)} messages × {repeat}) | ms |")
    print("| --- | ---: |")
    print(f"| offline understanding (median) | {1000 * statistics.median(plain):.3f} |")
    print(f"| hybrid path (median) | {1000 * statistics.median(hybrid):.3f} |")
    print(f"| added by the hybrid path (median) | {1000 * added:.3f} |")
    print(f"| added by the hybrid path (p95 of pairs) | {1000 * p95:.3f} |")
    await fake.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=str(DEFAULT_EVAL))
    ap.add_argument("--repeat", type=int, default=200)
    args = ap.parse_args()
    items = [json.loads(line) for line in Path(args.eval).read_text(encoding="utf-8").splitlines() if line.strip()]
    asyncio.run(run(items, args.repeat))


if __name__ == "__main__":
    main()
