using Npgsql;

namespace Sleek.Workflows.Bench;

/// <summary>
/// Bulk seeding by cloning rows the engine wrote for one instance: the clones are what the engine itself would have
/// written, with new ids. The caller first creates a temp table <c>clones</c> (one row per copy) on the same connection.
/// </summary>
internal static class RowCloner
{
    /// <summary>INSERT … SELECT of every column of <paramref name="table"/> but its identity, with some replaced per clone.</summary>
    public static async Task CloneAsync(NpgsqlConnection connection, string table, string seedFilter, Dictionary<string, string> replaced, Guid seed)
    {
        var columns = new List<string>();
        await using (var read = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_name = @table AND is_identity = 'NO' ORDER BY ordinal_position", connection))
        {
            read.Parameters.AddWithValue("table", table);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var select = columns.Select(c => replaced.TryGetValue(c, out var value) ? value : $"s.{c}");
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {table} ({string.Join(", ", columns)}) SELECT {string.Join(", ", select)} FROM clones c CROSS JOIN {table} s WHERE {seedFilter}", connection)
        { CommandTimeout = 600 };
        insert.Parameters.AddWithValue("seed", seed);
        await insert.ExecuteNonQueryAsync();
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
