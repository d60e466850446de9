# Sleek Workflows host image. Build and run with the compose file: docker compose up --build
# (PostgreSQL + Mailpit + this host on http://localhost:5080).

# ---- designer (React + Vite) ----------------------------------------------------------------
# Built in a Node image; the .NET stage below copies its dist and skips its own npm steps.
FROM node:22-bookworm-slim AS designer
WORKDIR /designer
COPY src/Designer/package.json src/Designer/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/Designer/ ./
RUN npm run build

# ---- build ----------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# Whole tree (see .dockerignore): the solution uses central package management and shared
# Directory.*.props, so a partial copy would not restore the same way.
COPY . .
COPY --from=designer /designer/dist src/Designer/dist
# For the platform it builds on (--ucr), so the host is compiled ahead of time (ReadyToRun: see Host.csproj).
RUN dotnet publish src/Host/Host.csproj -c Release --ucr --self-contained false -o /app -p:SkipDesignerBuild=true

# Content the host reads at start-up. workflows/ and rules/ may be absent or empty in a checkout
# (git keeps no empty folders), so they are copied here rather than with COPY.
RUN mkdir -p /app/workflows /app/rules \
    && if [ -d workflows ]; then cp -R workflows/. /app/workflows/; fi \
    && if [ -d rules ]; then cp -R rules/. /app/rules/; fi \
    && if [ -d templates ]; then mkdir -p /app/templates && cp -R templates/. /app/templates/; fi

# ---- runtime --------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app /app

# /data holds the SQLite file (when no PostgreSQL is configured), the email outbox and the
# generated signing key; it is created here so a named volume mounted on it is writable by the
# image's non-root user.
RUN mkdir -p /data && chown "$APP_UID" /data

ENV ASPNETCORE_URLS=http://+:5080 \
    Sleek__WorkflowsDirectory=/app/workflows \
    Sleek__RulesDirectory=/app/rules \
    Sleek__DataDirectory=/data

USER $APP_UID
VOLUME ["/data"]
EXPOSE 5080
ENTRYPOINT ["dotnet", "Sleek.Workflows.Host.dll"]
