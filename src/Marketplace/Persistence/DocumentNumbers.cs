using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sleek.Workflows.Marketplace.Persistence;

/// <summary>
/// Quote, order and invoice numbers: <c>&lt;prefix&gt;-&lt;year&gt;-&lt;4+ digits&gt;</c> (Q-2026-0001, ORD-2026-0001,
/// INV-2026-0001), counting from 1 each year. The counter row is incremented with one upsert in the
/// caller's transaction: PostgreSQL's row lock makes concurrent transactions take turns, SQLite has one
/// writer, and a rolled-back transaction gives its number back.
/// </summary>
public static class DocumentNumbers
{
    /// <summary>Prefix of quote numbers.</summary>
    public const string Quote = "Q";

    /// <summary>Prefix of order numbers.</summary>
    public const string Order = "ORD";

    /// <summary>Prefix of invoice numbers.</summary>
    public const string Invoice = "INV";

    /// <summary>Formats a number: ("INV", 2026, 7) → "INV-2026-0007".</summary>
    public static string Format(string prefix, int year, int number) => $"{prefix}-{year}-{number:D4}";

    /// <summary>Takes the next number for <paramref name="prefix"/> in <paramref name="year"/>, in the context's current transaction if any.</summary>
    public static async Task<string> NextAsync(MarketplaceDbContext db, string prefix, int year, CancellationToken cancellationToken)
    {
        var key = $"{prefix}-{year}";
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // Same statement on both providers (SQLite ≥ 3.35 has RETURNING).
            command.CommandText =
                "INSERT INTO document_counters (prefix, last_number) VALUES (@prefix, 1) " +
                "ON CONFLICT (prefix) DO UPDATE SET last_number = document_counters.last_number + 1 RETURNING last_number";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@prefix";
            parameter.Value = key;
            command.Parameters.Add(parameter);
            var number = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return Format(prefix, year, number);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
