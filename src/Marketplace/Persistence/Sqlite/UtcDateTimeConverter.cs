using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sleek.Workflows.Marketplace.Persistence.Sqlite;

/// <summary>Marks timestamps read from SQLite as UTC (they are always written as UTC), as the engine does.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
