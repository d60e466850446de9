using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Persistence.Sqlite;
using Sleek.Workflows.Host.Persistence;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Rules;

namespace Sleek.Workflows.Host.Setup;

/// <summary>
/// Brings the database up to date (engine, then marketplace tables and seed data), imports <c>rules/</c> and <c>workflows/</c> before anything else starts. A
/// conflicting or invalid definition file stops start-up with a message naming each file; so does a
/// SQLite file another process already uses (SQLite mode is one process).
/// </summary>
internal sealed class EngineInitializer(EngineDb engineDb, MarketplaceDb marketplaceDb, RuleSetStore rules, SecurityDb securityDb, WorkflowDirectorySync sync, SqliteProcessLock sqliteLock, SleekSettings settings, ILogger<EngineInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            sqliteLock.Acquire();
        }
        catch (InvalidOperationException ex)
        {
            logger.LogError("Refusing to start: {Reason}", ex.Message);
            throw;
        }

        try
        {
            await InitializeAsync(cancellationToken);
        }
        catch
        {
            // A host that does not start must not keep the SQLite file from the next attempt in this process.
            sqliteLock.Dispose();
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var target = engineDb.Provider == DatabaseProvider.Sqlite ? $"{engineDb.ProviderName} file {Path.GetFullPath(engineDb.Options.SqlitePath)}" : engineDb.ProviderName;
        // Hosts starting together on one PostgreSQL take turns, or they would import the same files at once.
        await using var startupLock = await engineDb.StartupLockAsync(cancellationToken);
        logger.LogInformation("Migrating the database ({Target})", target);
        await engineDb.MigrateAsync(cancellationToken);
        // The marketplace's tables (own history table) and the data the embedded default demos with.
        await marketplaceDb.MigrateAsync(cancellationToken);
        await marketplaceDb.SeedAsync(cancellationToken);
        // Users, API keys, rate-limit counters, audit log (own history table).
        await securityDb.MigrateAsync(cancellationToken);
        // rules/*.json: a missing rule set becomes version 1, a changed file a new version; a file that does not compile stops start-up.
        foreach (var imported in await rules.ImportDirectoryAsync(settings.RulesDirectory, cancellationToken))
        {
            logger.LogInformation("Imported rule set {RuleSet} as version {Version}", imported.Name, imported.Version);
        }

        await sync.SyncAsync(settings.WorkflowsDirectory, cancellationToken);
    }
}
