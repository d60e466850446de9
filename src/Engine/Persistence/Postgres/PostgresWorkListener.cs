using System.Diagnostics;
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
/// only delays work by <see cref="RuntimeOptions.PollInterval"/> until it reconnects, which it tries
/// at least every <see cref="MaxRetryDelay"/>: within a second of the database coming back.
/// Registered for PostgreSQL only.
/// </summary>
public sealed class PostgresWorkListener(
    DatabaseOptions database,
    WorkSignal signal,
    InstanceChanges changes,
    RuntimeOptions options,
    ILogger<PostgresWorkListener> logger) : BackgroundService, IWorkWakeUps
{
    /// <summary>The channel the <c>work_items</c> trigger notifies.</summary>
    public const string Channel = "sleek_work";

    /// <summary>The channel on which hosts announce the instances whose bursts they committed (<see cref="PostgresInstanceNotifier"/>, <see cref="InstanceChanges"/>).</summary>
    public const string InstancesChannel = "sleek_instances";

    /// <summary>
    /// Longest wait between two attempts to reconnect. An attempt against a server that is down is refused at once and
    /// costs nothing, so there is no reason to wait longer and come back late.
    /// </summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);

    private int _opened;
    private volatile bool _listening;

    /// <summary>True while the LISTEN connection is open (for health and tests).</summary>
    public bool IsListening => _listening;

    /// <summary>LISTEN connections open now: 1 while listening, 0 while reconnecting.</summary>
    public int Sessions => _listening ? 1 : 0;

    /// <summary>How many times the connection was lost and opened again since start.</summary>
    public int Reconnects => Math.Max(0, Volatile.Read(ref _opened) - 1);

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
        var delay = FirstRetryDelay;
        var connectionString = new NpgsqlConnectionStringBuilder(database.PostgresConnectionString)
        {
            // Its own physical connection, never returned to the pool mid-LISTEN; keepalives notice a dead server.
            Pooling = false,
            KeepAlive = 30,
            // A server that does not answer at all (a cut network) must not hold the next attempt back for long.
            Timeout = 5,
            ApplicationName = $"sleek-listener {options.WorkerName}",
        }.ConnectionString;

        // Since when, and how many attempts, the connection has been missing (null while listening).
        Stopwatch? down = null;
        var attempts = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) => OnNotification(e);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}; LISTEN {InstancesChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Work queued while we were not listening was not announced: look once.
                signal.Pulse();
                Interlocked.Increment(ref _opened);
                _listening = true;
                if (down is null)
                {
                    logger.LogInformation("Listening for queued work on PostgreSQL channel {Channel}", Channel);
                }
                else
                {
                    logger.LogInformation("Listening for queued work on PostgreSQL channel {Channel} again, after {Downtime:0.0} s and {Attempts} attempt(s)", Channel, down.Elapsed.TotalSeconds, attempts);
                }

                down = null;
                attempts = 0;
                delay = FirstRetryDelay;
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
                var wasListening = _listening;
                _listening = false;
                attempts++;
                if (down is null)
                {
                    down = Stopwatch.StartNew();
                    logger.LogWarning(
                        ex,
                        "{What} PostgreSQL LISTEN connection for queued work ({Error}); workers fall back to polling every {Poll} and it reconnects at least every {Retry}. " +
                        "Check that the database server is reachable from this host, that it accepts one more connection (max_connections), and that ConnectionStrings__Sleek is right.",
                        wasListening ? "Lost the" : "Could not open the", ex.Message, options.PollInterval, MaxRetryDelay);
                }
                else
                {
                    // Already reported: one line per outage, not one per attempt.
                    logger.LogDebug("PostgreSQL LISTEN connection still missing after {Downtime:0.0} s ({Error})", down.Elapsed.TotalSeconds, ex.Message);
                }

                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, delay.Ticks * 2));
            }
        }

        _listening = false;
    }

    private void OnNotification(NpgsqlNotificationEventArgs e)
    {
        if (e.Channel == InstancesChannel)
        {
            // "<worker>|id,id,…": this host's own bursts were delivered here when they committed.
            var bar = e.Payload.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0 || e.Payload.AsSpan(0, bar).SequenceEqual(options.WorkerName))
            {
                return;
            }

            foreach (var id in e.Payload[(bar + 1)..].Split(','))
            {
                if (Guid.TryParse(id, out var instanceId))
                {
                    changes.Deliver(instanceId);
                }
            }

            return;
        }

        signal.Pulse();
    }
}
