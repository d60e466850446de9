using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence.Postgres;

/// <summary>
/// Tells the other hosts which instances committed bursts here: <c>NOTIFY sleek_instances</c> with
/// <c>"&lt;worker&gt;|id,id,…"</c>, one notification per batch, sent after the commits and outside their transactions.
/// The first id wakes it; it then waits <see cref="Coalesce"/> and sends everything gathered meanwhile. Nothing is lost
/// when a notification is: it only wakes readers of the journal, which re-read it on their heartbeat anyway.
/// </summary>
public sealed class PostgresInstanceNotifier(DatabaseOptions database, InstanceChanges changes, RuntimeOptions options, ILogger<PostgresInstanceNotifier> logger) : BackgroundService
{
    /// <summary>How long ids gather before one notification carries them.</summary>
    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(50);

    // A NOTIFY payload must stay under 8000 bytes: 36 characters and a comma per id.
    private const int IdsPerNotification = 200;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        changes.StartBroadcasting();
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await changes.WaitForOutgoingAsync(stoppingToken);
                await Task.Delay(Coalesce, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var ids = changes.TakeOutgoing();
            await SendAsync(ids, stoppingToken);
        }
    }

    private async Task SendAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        try
        {
            await using var connection = new NpgsqlConnection(database.PostgresConnectionString);
            await connection.OpenAsync(cancellationToken);
            foreach (var chunk in ids.Chunk(IdsPerNotification))
            {
                await using var command = new NpgsqlCommand($"SELECT pg_notify('{PostgresWorkListener.InstancesChannel}', $1)", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = $"{options.WorkerName}|{string.Join(',', chunk)}", NpgsqlDbType = NpgsqlDbType.Text });
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Other hosts' live streams catch up on their next heartbeat.
            logger.LogWarning("Could not tell other hosts of {Count} committed instance(s): {Error}", ids.Count, ex.Message);
        }
    }
}
