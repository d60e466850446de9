using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime.Hooks;

/// <summary>
/// The hook routes of the latest published version of every workflow. Every host reads it per request through a cheap
/// check of the published versions (their count and latest publish time, one indexed query): a publish on any host is
/// served by all of them from the next request on, with no notification to lose.
/// </summary>
public sealed class HookRouteTable(EngineDb engineDb, DefinitionStore definitions)
{
    private volatile Snapshot? _snapshot;

    /// <summary>The route serving <paramref name="path"/>: the trigger first, else a wait (null when none).</summary>
    public async Task<IReadOnlyList<HookRoute>> RoutesForAsync(string path, CancellationToken cancellationToken) =>
        [.. (await CurrentAsync(cancellationToken)).Where(r => string.Equals(r.Path, path, StringComparison.Ordinal))];

    /// <summary>Every route now served.</summary>
    public async Task<IReadOnlyList<HookRoute>> CurrentAsync(CancellationToken cancellationToken)
    {
        var stamp = await StampAsync(cancellationToken);
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Stamp == stamp)
        {
            return snapshot.Routes;
        }

        var routes = await LoadAsync(definitions, engineDb, exceptDefinition: null, cancellationToken);
        _snapshot = new Snapshot(stamp, routes);
        return routes;
    }

    /// <summary>
    /// The routes of the latest published versions (but <paramref name="exceptDefinition"/>'s): read from the versions whose
    /// JSON names HttpEndpoint, compiled through the definition cache.
    /// </summary>
    internal static async Task<List<HookRoute>> LoadAsync(DefinitionStore definitions, EngineDb engineDb, string? exceptDefinition, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var latest = await (
            from d in db.Definitions.AsNoTracking()
            join v in db.Versions.AsNoTracking() on new { d.DefinitionId, Version = d.LatestVersion } equals new { v.DefinitionId, v.Version }
            where v.Json.Contains("\"HttpEndpoint\"") && d.DefinitionId != exceptDefinition
            select new { v.DefinitionId, v.Version }).ToListAsync(cancellationToken);
        var routes = new List<HookRoute>();
        foreach (var version in latest)
        {
            if (await definitions.GetCompiledAsync(version.DefinitionId, version.Version, cancellationToken) is { } compiled)
            {
                routes.AddRange(HookRoute.Of(compiled.Definition));
            }
        }

        return routes;
    }

    /// <summary>The first clash of <paramref name="definition"/>'s routes with another workflow's, as a message naming both; null when none.</summary>
    internal static async Task<string?> ClashAsync(WorkflowDefinition definition, DefinitionStore definitions, EngineDb engineDb, CancellationToken cancellationToken)
    {
        var mine = HookRoute.Of(definition);
        if (mine.Count == 0)
        {
            return null;
        }

        var others = await LoadAsync(definitions, engineDb, definition.DefinitionId, cancellationToken);
        foreach (var route in mine)
        {
            if (others.FirstOrDefault(o => o.Path == route.Path && o.Methods.Intersect(route.Methods).Any()) is { } taken)
            {
                var methods = string.Join(", ", taken.Methods.Intersect(route.Methods));
                return $"route {methods} /api/hooks/{route.Path} of workflow '{definition.DefinitionId}' (activity '{route.ActivityId}') is already served by workflow '{taken.DefinitionId}' v{taken.Version} (activity '{taken.ActivityId}'); choose another path or remove it there first";
            }
        }

        return null;
    }

    private async Task<(int, DateTime?)> StampAsync(CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var stamp = await db.Versions.AsNoTracking()
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Latest = g.Max(v => (DateTime?)v.PublishedAt) })
            .SingleOrDefaultAsync(cancellationToken);
        return stamp is null ? (0, null) : (stamp.Count, stamp.Latest);
    }

    private sealed record Snapshot((int, DateTime?) Stamp, IReadOnlyList<HookRoute> Routes);
}
