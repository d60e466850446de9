using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// Marks timestamps read from SQLite as UTC: SQLite keeps them as text without a zone, and everything written is
/// UTC (on PostgreSQL <c>timestamptz</c> reads back as UTC anyway). A SQLite context applies it to every timestamp
/// in <c>ConfigureConventions</c>: <c>configurationBuilder.Properties&lt;DateTime&gt;().HaveConversion&lt;UtcDateTimeConverter&gt;()</c>.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
