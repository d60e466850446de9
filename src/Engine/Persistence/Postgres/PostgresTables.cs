using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Sleek.Workflows.Engine.Persistence.Postgres;

/// <summary>The engine's tables a burst reads and writes, built once per model (see <see cref="PostgresTable{T}"/>).</summary>
internal sealed class PostgresTables
{
    private static readonly ConditionalWeakTable<IModel, PostgresTables> Built = [];

    private PostgresTables(IModel model)
    {
        Instances = new(model);
        Bookmarks = new(model);
        WorkItems = new(model);
        Journal = new(model);
        Incidents = new(model);
    }

    public PostgresTable<WorkflowInstanceRecord> Instances { get; }

    public PostgresTable<BookmarkRecord> Bookmarks { get; }

    public PostgresTable<WorkItemRecord> WorkItems { get; }

    public PostgresTable<JournalRecord> Journal { get; }

    public PostgresTable<IncidentRecord> Incidents { get; }

    /// <summary>The tables of <paramref name="model"/> (a context's <c>Model</c>; the same instance for every context).</summary>
    public static PostgresTables Of(IModel model) => Built.GetValue(model, m => new PostgresTables(m));
}
