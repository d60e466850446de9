using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence.Postgres;

/// <summary>
/// Wakes this host's idle workers when any host queues work: a trigger on <c>work_items</c> sends
/// <c>NOTIFY sleek_work</c> on every insert, and this service holds one dedicated connection that
/// LISTENs and pulses <see cref="WorkSignal"/>. Polling stays the fallback, so a lost connection
/// only delays work by <see cref="RuntimeOptions.PollInterval"/> until it reconnects.
/// Registered for PostgreSQL only.
/// </summary>
public sealed class PostgresWorkListener(
    DatabaseOptions database,
    WorkSignal signal,
    RuntimeOptions options,
    ILogger<PostgresWorkListener> logger) : BackgroundService, IWorkWakeUps
{
    /// <summary>The channel the <c>work_items</c> trigger notifies.</summary>
    public const string Channel = "sleek_work";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private int _sessions;

    /// <summary>True while the LISTEN connection is open (for health and tests).</summary>
    public bool IsListening { get; private set; }

    /// <summary>How many times it has connected and LISTENed; more than one means it reconnected.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <inheritdoc />
    string IWorkWakeUps.Mechanism => "listen/notify";

    /// <inheritdoc />
    bool IWorkWakeUps.IsWorking => IsListening;

    /// <summary>Registers the listener as a singleton (health and tests look at it) and runs it as a hosted service.</summary>
    internal static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<PostgresWorkListener>();
        services.AddSingleton<IWorkWakeUps>(sp => sp.GetRequiredService<PostgresWorkListener>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresWorkListener>());
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        var connectionString = new NpgsqlConnectionStringBuilder(database.PostgresConnectionString)
        {
            // Its own physical connection, never returned to the pool mid-LISTEN; keepalives notice a dead server.
            Pooling = false,
            KeepAlive = 30,
            ApplicationName = $"sleek-listener {options.WorkerName}",
        }.ConnectionString;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, _) => signal.Pulse();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Work queued while we were not listening was not announced: look once.
                signal.Pulse();
                Interlocked.Increment(ref _sessions);
                IsListening = true;
                logger.LogInformation("Listening for queued work on PostgreSQL channel {Channel}", Channel);
                backoff = TimeSpan.FromSeconds(1);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                var wasListening = IsListening;
                IsListening = false;
                logger.LogWarning(
                    ex,
                    "{What} PostgreSQL LISTEN connection for queued work ({Error}); workers fall back to polling every {Poll} and it reconnects in {Backoff}. " +
                    "Check that the database server is reachable from this host, that it accepts one more connection (max_connections), and that ConnectionStrings__Sleek is right.",
                    wasListening ? "Lost the" : "Could not open the", ex.Message, options.PollInterval, backoff);
                try
                {
                    await Task.Delay(backoff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }

        IsListening = false;
    }
}
