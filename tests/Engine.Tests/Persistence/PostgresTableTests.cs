using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Persistence.Postgres;

namespace Sleek.Workflows.Engine.Tests.Persistence;

/// <summary>
/// The PostgreSQL batches take their column lists from the EF model: every column a migration adds is written and
/// read without touching them, only keys the database numbers itself are left out of an insert.
/// </summary>
public sealed class PostgresTableTests
{
    private static readonly PostgresTables Tables = PostgresTables.Of(
        new PostgresEngineDbContext(new DbContextOptionsBuilder<PostgresEngineDbContext>().UseNpgsql("Host=model-only").Options).Model);

    [Theory]
    [InlineData("bookmarks", "")]
    [InlineData("journal", "id")]
    [InlineData("work_items", "id")]
    [InlineData("incidents", "")]
    public void The_batch_insert_writes_every_model_column_but_keys_the_database_numbers(string table, string numbered)
    {
        using var db = new PostgresEngineDbContext(new DbContextOptionsBuilder<PostgresEngineDbContext>().UseNpgsql("Host=model-only").Options);
        var modelColumns = db.Model.GetEntityTypes().Single(e => e.GetTableName() == table).GetProperties().Select(p => p.GetColumnName()).Where(c => c != numbered);
        var insert = table switch
        {
            "bookmarks" => Tables.Bookmarks.InsertSql,
            "journal" => Tables.Journal.InsertSql,
            "work_items" => Tables.WorkItems.InsertSql,
            _ => Tables.Incidents.InsertSql,
        };

        var written = insert[(insert.IndexOf('(') + 1)..insert.IndexOf(')')].Split(',', StringSplitOptions.TrimEntries);

        Assert.Equal(modelColumns.Order(), written.Order());
    }

    [Fact]
    public void The_instance_update_sets_every_column_but_the_key()
    {
        using var db = new PostgresEngineDbContext(new DbContextOptionsBuilder<PostgresEngineDbContext>().UseNpgsql("Host=model-only").Options);
        var modelColumns = db.Model.FindEntityType(typeof(WorkflowInstanceRecord))!.GetProperties().Select(p => p.GetColumnName()).Where(c => c != "id");
        var update = Tables.Instances.UpdateSql;

        var set = update[(update.IndexOf('(') + 1)..update.IndexOf(')')].Split(',', StringSplitOptions.TrimEntries);

        Assert.Equal(modelColumns.Order(), set.Order());
        Assert.EndsWith("WHERE id = $1", update);
    }
}
