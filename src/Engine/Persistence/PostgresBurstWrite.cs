using Npgsql;
using NpgsqlTypes;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// Writes a burst's rows on PostgreSQL as one batch that ends with the COMMIT: one round trip for the whole
/// write, where EF Core's SaveChanges and a separate commit take two and track every row. Used by the bursts a
/// request runs itself (the hot path); the statement texts never change with the row counts (arrays are
/// unnested), so each is prepared once per connection. The instance row is locked by this transaction since
/// its claim, so its update needs no concurrency check. Should any statement fail, PostgreSQL skips the rest of
/// the batch, COMMIT included, and the caller's dispose rolls the transaction back.
/// </summary>
internal static class PostgresBurstWrite
{
    private const string UpdateInstance = """
        UPDATE workflow_instances SET status = $2, state_json = $3, updated_at = $4, finished_at = $5, error = $6, concurrency_version = $7
        WHERE id = $1
        """;

    internal const string InsertBookmarks = """
        INSERT INTO bookmarks (id, instance_id, activity_id, execution_number, name, correlation_key, token, due_at, data_json, created_at)
        SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::text[], $10::timestamptz[])
        """;

    internal const string InsertJournal = """
        INSERT INTO journal (instance_id, activity_id, activity_type, execution_number, event, started_at, completed_at, inputs_json, output_json, ports, error)
        SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::text[], $9::text[], $10::text[], $11::text[])
        """;

    internal const string InsertWork = """
        INSERT INTO work_items (instance_id, kind, bookmark_id, payload_json, created_at, available_at, attempts)
        SELECT *, 0 FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[])
        """;

    private const string CloseCancelled = "UPDATE bookmarks SET consumed_at = $2, outcome = 'Cancelled' WHERE id = ANY($1) AND consumed_at IS NULL";

    private const string DeleteCancelledTimers = "DELETE FROM work_items WHERE bookmark_id = ANY($1)";

    internal const string InsertIncident = """
        INSERT INTO incidents (id, instance_id, activity_id, activity_type, attempt, error, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
        """;

    /// <summary>Writes the rows and commits, in one round trip.</summary>
    public static async Task WriteAndCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BurstRows rows, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var instance = rows.Instance;
        batch.BatchCommands.Add(Command(
            UpdateInstance,
            Uuid(instance.Id), Text(instance.Status.ToString()), Text(instance.StateJson), Time(instance.UpdatedAt), Time(instance.FinishedAt),
            Text(instance.Error), Int(instance.ConcurrencyVersion)));
        if (rows.Bookmarks is { Count: > 0 } b)
        {
            batch.BatchCommands.Add(Command(
                InsertBookmarks,
                Uuids(b, x => x.Id), Uuids(b, x => x.InstanceId), Texts(b, x => x.ActivityId), Ints(b, x => x.ExecutionNumber),
                Texts(b, x => x.Name), Texts(b, x => x.CorrelationKey), Texts(b, x => x.Token), Times(b, x => x.DueAt),
                Texts(b, x => x.DataJson), Times(b, x => x.CreatedAt)));
        }

        if (rows.CancelledBookmarks.Count > 0)
        {
            batch.BatchCommands.Add(Command(CloseCancelled, Uuids(rows.CancelledBookmarks, x => x), Time(rows.Now)));
            batch.BatchCommands.Add(Command(DeleteCancelledTimers, Uuids(rows.CancelledBookmarks, x => x)));
        }

        if (rows.WorkItems is { Count: > 0 } w)
        {
            batch.BatchCommands.Add(Command(
                InsertWork,
                Uuids(w, x => x.InstanceId), Texts(w, x => x.Kind), Uuids(w, x => x.BookmarkId), Texts(w, x => x.PayloadJson),
                Times(w, x => x.CreatedAt), Times(w, x => x.AvailableAt)));
        }

        if (rows.Journal is { Count: > 0 } j)
        {
            batch.BatchCommands.Add(Command(
                InsertJournal,
                Uuids(j, x => x.InstanceId), Texts(j, x => x.ActivityId), Texts(j, x => x.ActivityType), Ints(j, x => x.ExecutionNumber),
                Texts(j, x => x.Event), Times(j, x => x.StartedAt), Times(j, x => x.CompletedAt), Texts(j, x => x.InputsJson),
                Texts(j, x => x.OutputJson), Texts(j, x => x.Ports), Texts(j, x => x.Error)));
        }

        if (rows.Incident is { } incident)
        {
            batch.BatchCommands.Add(Command(
                InsertIncident,
                Uuid(incident.Id), Uuid(incident.InstanceId), Text(incident.ActivityId), Text(incident.ActivityType), Int(incident.Attempt),
                Text(incident.Error), Time(incident.CreatedAt)));
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    // Typed parameters: a null must still say its type, or PostgreSQL cannot take it for the column.
    private static NpgsqlParameter Uuid(Guid value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Uuid };

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Int(int value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Integer };

    private static NpgsqlParameter Time(DateTime? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static NpgsqlParameter Uuids<T>(IReadOnlyList<T> rows, Func<T, Guid> column) =>
        new() { Value = rows.Select(column).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };

    private static NpgsqlParameter Uuids<T>(IReadOnlyList<T> rows, Func<T, Guid?> column) =>
        new() { Value = rows.Select(column).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };

    private static NpgsqlParameter Texts<T>(IReadOnlyList<T> rows, Func<T, string?> column) =>
        new() { Value = rows.Select(column).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter Ints<T>(IReadOnlyList<T> rows, Func<T, int> column) =>
        new() { Value = rows.Select(column).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer };

    private static NpgsqlParameter Times<T>(IReadOnlyList<T> rows, Func<T, DateTime> column) =>
        new() { Value = rows.Select(column).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };

    private static NpgsqlParameter Times<T>(IReadOnlyList<T> rows, Func<T, DateTime?> column) =>
        new() { Value = rows.Select(column).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };
}
