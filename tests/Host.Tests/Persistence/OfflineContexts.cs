using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Persistence;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Tests.Persistence;

/// <summary>
/// One of the host's EF contexts made the way the host makes it, for checks that need its model but no server: on a
/// PostgreSQL port nothing listens on, or a SQLite file in <paramref name="folder"/> that is never created.
/// </summary>
internal sealed class OfflineContexts(string folder, string provider) : IDisposable
{
    private readonly EngineDb _engineDb = new(provider == "PostgreSQL"
        ? new DatabaseOptions { PostgresConnectionString = "Host=127.0.0.1;Port=1;Database=never_opened;Username=nobody;Timeout=1" }
        : new DatabaseOptions { SqlitePath = Path.Combine(folder, "sleek.db") });

    /// <summary>The SQLite file the contexts would use (never created by a model check).</summary>
    public string SqliteFile => Path.Combine(folder, "sleek.db");

    /// <summary>The database's name as the host reports it ("PostgreSQL" or "SQLite").</summary>
    public string ProviderName => _engineDb.ProviderName;

    /// <summary>A context of <paramref name="context"/>: engine, marketplace or security.</summary>
    public DbContext Create(string context) => context switch
    {
        "engine" => _engineDb.CreateContext(),
        "marketplace" => new MarketplaceDb(_engineDb).CreateContext(),
        "security" => new SecurityDb(_engineDb).CreateContext(),
        _ => throw new ArgumentOutOfRangeException(nameof(context), context, null),
    };

    public void Dispose() => _engineDb.Dispose();
}
