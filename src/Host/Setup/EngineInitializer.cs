using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Setup;

/// <summary>
/// Brings the database up to date and imports <c>workflows/</c> before anything else starts. A
/// conflicting or invalid definition file stops start-up with a message naming each file.
/// </summary>
internal sealed class EngineInitializer(EngineDb engineDb, WorkflowDirectorySync sync, SleekSettings settings, ILogger<EngineInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var target = engineDb.IsPostgres ? "PostgreSQL" : $"SQLite file {Path.GetFullPath(engineDb.Options.SqlitePath)}";
        logger.LogInformation("Migrating the database ({Target})", target);
        await engineDb.MigrateAsync(cancellationToken);
        await sync.SyncAsync(settings.WorkflowsDirectory, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
