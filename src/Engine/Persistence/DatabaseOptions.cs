namespace Sleek.Workflows.Engine.Persistence;

/// <summary>Which database the engine uses.</summary>
public sealed class DatabaseOptions
{
    /// <summary>An Npgsql connection string; when set, PostgreSQL is used.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The SQLite file used when no PostgreSQL connection string is set.</summary>
    public string SqlitePath { get; set; } = "data/sleek.db";

    /// <summary>True when PostgreSQL is configured.</summary>
    public bool UsePostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);
}
