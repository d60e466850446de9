using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>Marks timestamps read from SQLite as UTC (they are always written as UTC).</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
