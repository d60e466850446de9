using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Tests.Persistence;

/// <summary>
/// The hand-written batch of a request's burst names its columns itself: a column added to the model must be written
/// there too, or be one that a burst never sets when it creates the row.
/// </summary>
public sealed partial class PostgresBurstWriteTests
{
    [Theory]
    [InlineData("bookmarks", PostgresBurstWrite.InsertBookmarks, new[] { "consumed_at", "outcome" })]
    [InlineData("journal", PostgresBurstWrite.InsertJournal, new[] { "id" })]
    [InlineData("work_items", PostgresBurstWrite.InsertWork, new[] { "id", "locked_by", "locked_until", "taken_over_from" })]
    [InlineData("incidents", PostgresBurstWrite.InsertIncident, new[] { "resolved_at", "resolution" })]
    public void Batch_inserts_every_column_of_the_model_but_those_set_later(string table, string insert, string[] setLater)
    {
        using var db = new PostgresEngineDbContext(new DbContextOptionsBuilder<PostgresEngineDbContext>().UseNpgsql("Host=model-only").Options);
        var modelColumns = db.Model.GetEntityTypes().Single(e => e.GetTableName() == table).GetProperties().Select(p => p.GetColumnName()).Order();

        var written = ColumnList().Match(insert).Groups[1].Value.Split(',', StringSplitOptions.TrimEntries);

        Assert.Equal(modelColumns, written.Concat(setLater).Order());
    }

    [GeneratedRegex(@"INSERT INTO \w+ \(([^)]*)\)")]
    private static partial Regex ColumnList();
}
