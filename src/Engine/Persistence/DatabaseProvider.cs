namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// The database a context talks to. Code outside <c>Persistence/</c> never asks: what differs between the two
/// lives in <c>Persistence/Postgres</c> and <c>Persistence/Sqlite</c>, chosen once by <see cref="EngineDb"/>.
/// Contexts of other projects (marketplace, security) pick their subclass by it through
/// <see cref="ProviderContextFactory{TContext}"/>.
/// </summary>
public enum DatabaseProvider
{
    /// <summary>PostgreSQL (Npgsql): several hosts, row locks, <c>SKIP LOCKED</c>, <c>LISTEN/NOTIFY</c>.</summary>
    Postgres,

    /// <summary>The embedded SQLite file: one process, one writer at a time.</summary>
    Sqlite,
}
