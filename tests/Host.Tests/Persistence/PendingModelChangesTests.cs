using System.Data;
using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Host.Tests.Persistence;

/// <summary>
/// Every EF context, on both databases, has a migration for each change of its model (docs/dependencies.md §7):
/// an entity or mapping changed without <c>dotnet ef migrations add</c> fails here instead of on a database.
/// The check compares the model with the migrations' snapshot and needs no server: the contexts are made the way
/// the host makes them, on a PostgreSQL port nothing listens on and a SQLite file that is never created.
/// </summary>
public sealed class PendingModelChangesTests
{
    [Theory]
    [InlineData("engine", "PostgreSQL")]
    [InlineData("engine", "SQLite")]
    [InlineData("marketplace", "PostgreSQL")]
    [InlineData("marketplace", "SQLite")]
    [InlineData("security", "PostgreSQL")]
    [InlineData("security", "SQLite")]
    public void Every_model_change_has_a_migration(string context, string provider)
    {
        var folder = TempDirectory.Create("model-changes");
        try
        {
            using var contexts = new OfflineContexts(folder, provider);
            using var db = contexts.Create(context);
            Assert.Equal(provider, contexts.ProviderName);
            Assert.NotEmpty(db.Database.GetMigrations());

            Assert.False(
                db.Database.HasPendingModelChanges(),
                $"{db.GetType().Name} has model changes without a migration: add one (docs/dependencies.md §7), e.g. " +
                $"dotnet ef migrations add <Name> --project src/<Project> --context {db.GetType().Name}");

            // Nothing was opened: the answer comes from the model and the snapshot alone.
            Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
            Assert.False(File.Exists(contexts.SqliteFile));
        }
        finally
        {
            TempDirectory.Delete(folder);
        }
    }
}
