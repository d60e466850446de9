using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Sleek.Workflows.Bench;

/// <summary>
/// Counts database round trips while a measurement runs. In this process: every command or batch Npgsql
/// executes (one activity of its "Npgsql" ActivitySource each, i.e. one round trip; an EF Core SaveChanges
/// batch is one). On the server: commits and rollbacks of the database (<c>pg_stat_database</c>), which are
/// round trips of their own, and — when the server preloads <c>pg_stat_statements</c> — the statements run
/// (several per round trip when batched), with the most frequent ones, for a process this meter cannot see
/// into (the HTTP host).
/// </summary>
internal sealed class RoundTripMeter : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly ActivityListener _listener;
    private readonly List<IDisposable> _subscriptions = [];
    private long _transactionEnds;
    private readonly string _connectionString;
    private long _commands;
    private (long Commits, long Rollbacks) _before;
    private bool _statements;

    private RoundTripMeter(string connectionString)
    {
        _connectionString = connectionString;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStarted = _ => Interlocked.Increment(ref _commands),
        };
        ActivitySource.AddActivityListener(_listener);
        // Commits and rollbacks are no Npgsql command activity: EF Core's diagnostics name them.
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <summary>Starts counting now.</summary>
    public static async Task<RoundTripMeter> StartAsync(string connectionString)
    {
        var meter = new RoundTripMeter(connectionString);
        await using var connection = await meter.OpenAsync();
        try
        {
            await Execute(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            await Execute(connection, "SELECT pg_stat_statements_reset()");
            meter._statements = true;
        }
        catch (PostgresException)
        {
            // not preloaded on this server: commands and transactions only
        }

        meter._before = await TransactionsAsync(connection);
        Interlocked.Exchange(ref meter._commands, 0);
        Interlocked.Exchange(ref meter._transactionEnds, 0);
        return meter;
    }

    /// <summary>Round trips per unit of work (commands of this process + commits + rollbacks), then the server's statements per unit.</summary>
    public async Task<string> DescribeAsync(long units, bool inProcess, int top = 12)
    {
        var commands = Interlocked.Read(ref _commands);
        var ends = Interlocked.Read(ref _transactionEnds);
        await using var connection = await OpenAsync();
        var (commits, rollbacks) = await TransactionsAsync(connection);
        commits -= _before.Commits;
        rollbacks -= _before.Rollbacks;
        var lines = new List<string>();
        var perUnit = (commits + rollbacks) / (double)units;
        lines.Add(inProcess
            ? $"round trips per unit: {(commands + ends) / (double)units:F2} ({commands / (double)units:F2} commands or batches + {ends / (double)units:F2} explicit commits/rollbacks); server transactions per unit {perUnit:F2}"
            : $"server transactions per unit (explicit and single-statement): {commits / (double)units:F2} commits, {rollbacks / (double)units:F2} rollbacks");
        if (_statements)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 150) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat%' ORDER BY calls DESC, total_exec_time DESC LIMIT {top}",
                connection);
            await using var reader = await command.ExecuteReaderAsync();
            double total = 0;
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var calls = reader.GetInt64(0);
                total += calls;
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"      {calls / (double)units,5:F2}/unit {reader.GetDouble(1) / calls,7:F3} ms  {reader.GetString(2)}"));
            }

            lines.Add($"server statements per unit (top {top}, {total / units:F2} in all of them):");
            lines.AddRange(rows);
        }

        return string.Join(Environment.NewLine + "  ", lines);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _listener.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key.EndsWith(".TransactionCommitted", StringComparison.Ordinal) || value.Key.EndsWith(".TransactionRolledBack", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _transactionEnds);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<(long Commits, long Rollbacks)> TransactionsAsync(NpgsqlConnection connection)
    {
        // The statistics of this backend's own snapshot are cached per transaction; a fresh read each time.
        await Execute(connection, "SELECT pg_stat_clear_snapshot()");
        await using var command = new NpgsqlCommand("SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
