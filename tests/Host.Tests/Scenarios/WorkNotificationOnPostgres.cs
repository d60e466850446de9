using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sleek.Workflows.Engine.Persistence.Postgres;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>
/// On PostgreSQL, queuing work (by any host, any connection) wakes idle workers through the
/// <c>work_items</c> trigger's NOTIFY and the host's LISTEN connection, which reconnects when dropped; /health
/// counts the LISTEN sessions open now (one) and the reconnects apart.
/// </summary>
public sealed class WorkNotificationOnPostgres(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Work_queued_on_another_connection_wakes_idle_workers_also_after_the_listen_connection_was_dropped()
    {
        var host = NewHost(NewFolder());
        host.CreateClient().Dispose();
        var listener = host.Services.GetRequiredService<PostgresWorkListener>();
        var signal = host.Services.GetRequiredService<WorkSignal>();
        await Eventually.UntilAsync(() => Task.FromResult(listener.IsListening), listening => listening, "the host to LISTEN");
        using var client = host.CreateClient();
        var health = await client.GetFromJsonAsync<JsonObject>("/health");
        Assert.Equal("listen/notify", (string?)health!["wakeUps"]!["mode"]);
        Assert.True((bool)health["wakeUps"]!["ok"]!);

        await AssertQueuedWorkWakesWorkersAsync(signal);

        Assert.Equal(1, (int)health["wakeUps"]!["listenSessions"]!);
        Assert.Equal(0, (int)health["wakeUps"]!["reconnects"]!);

        // A failover or a cut network drops the connection; the listener reconnects (it tries at least every second),
        // polling covers the gap.
        Assert.True(PostgresWorkListener.MaxRetryDelay <= TimeSpan.FromSeconds(1));
        await ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'sleek-listener%' AND datname = current_database()");
        await Eventually.UntilAsync(() => Task.FromResult(listener.Reconnects), r => r == 1 && listener.IsListening, "the listener to reconnect", timeout: TimeSpan.FromSeconds(60));

        await AssertQueuedWorkWakesWorkersAsync(signal);

        // Health counts the sessions open now, not the ones ever opened: one, after one reconnect.
        health = await client.GetFromJsonAsync<JsonObject>("/health");
        Assert.Equal(1, (int)health!["wakeUps"]!["listenSessions"]!);
        Assert.Equal(1, (int)health["wakeUps"]!["reconnects"]!);
        await Eventually.UntilAsync(
            () => CountAsync("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'sleek-listener%' AND datname = current_database()"), n => n == 1, "one LISTEN session on the server");
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task AssertQueuedWorkWakesWorkersAsync(WorkSignal signal)
    {
        // Far longer than any poll: only a notification ends this wait early.
        var woken = signal.WaitAsync(TimeSpan.FromHours(1), CancellationToken.None);
        Assert.False(woken.IsCompleted);

        // Claimable work queued by someone else (here: for an instance that does not exist, which a worker just drops).
        await ExecuteAsync("INSERT INTO work_items (instance_id, kind, created_at, available_at, attempts) VALUES (gen_random_uuid(), 'timer', now(), now(), 0)");

        await woken.WaitAsync(TimeSpan.FromSeconds(60));
        await ExecuteAsync("DELETE FROM work_items");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
