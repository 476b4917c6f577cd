# crmbot: the bot and its scheduler in one process (`crmbot run`).
# Build: docker build -t crmbot .      Run: see docker-compose.yml and docs/deploy.md
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# A font with Chinese glyphs, so charts for Chinese-speaking members are labelled in Chinese.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src
# Dependencies first (cached while only the code changes), then the project itself.
COPY pyproject.toml README.md ./
RUN python -c "import tomllib; print(chr(10).join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
    > /tmp/requirements.txt
RUN pip install -r /tmp/requirements.txt
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
COPY scheduler ./scheduler
COPY prompts ./prompts
RUN pip install --no-deps . && rm -rf /src

# A non-root user; /data holds the SQLite store (single-machine set-ups) and the spool of
# messages received while the store was unreachable. Mount a volume there.
RUN useradd --create-home --uid 10001 --user-group crmbot \
    && mkdir -p /data && chown crmbot:crmbot /data
USER crmbot
WORKDIR /data
ENV DATABASE_URL=sqlite:////data/crm.db \
    CRM_SPOOL_PATH=/data/crm-spool.jsonl

# Telegram webhook, Slack HTTP events (POST /slack/events), GET /healthz.
EXPOSE 8443 3000 8080

# SIGTERM stops adapters first, lets replies in flight finish, then exits.
STOPSIGNAL SIGTERM
CMD ["crmbot", "run"]
