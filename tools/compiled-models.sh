#!/usr/bin/env bash
# Regenerates the EF compiled models of every context (engine, marketplace, security) for both providers, into
# src/<Project>/Persistence/<Provider>/CompiledModel. Run it from the repository root after any change of a context's
# model (the same change that needs a migration); CompiledModelTests fails until it has run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore > /dev/null
dotnet build src/Host -c Release -p:SkipDesignerBuild=true
optimize() { # project context provider
  rm -rf "src/$1/Persistence/$3/CompiledModel"
  (cd "src/$1" && dotnet ef dbcontext optimize --no-build --configuration Release --context "$2" \
    -o "Persistence/$3/CompiledModel" --namespace "Sleek.Workflows.$1.Persistence.$3.CompiledModel")
}
optimize Engine PostgresEngineDbContext Postgres
optimize Engine SqliteEngineDbContext Sqlite
optimize Marketplace PostgresMarketplaceDbContext Postgres
optimize Marketplace SqliteMarketplaceDbContext Sqlite
optimize Host PostgresSecurityDbContext Postgres
optimize Host SqliteSecurityDbContext Sqlite
