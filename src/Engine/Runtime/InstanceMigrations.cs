using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Moves instances to another published version of their definition when <see cref="InstanceMigrator"/>
/// finds it safe, and reports for a whole definition which instances could move and why not.
/// </summary>
public sealed class InstanceMigrations(
    EngineDb engineDb,
    DefinitionStore definitions,
    InstanceQueries queries,
    TimeProvider clock,
    ILogger<InstanceMigrations> logger)
{
    /// <summary>Instances checked per database round trip in a dry-run.</summary>
    private const int BatchSize = 500;

    /// <summary>
    /// Moves one instance to <paramref name="targetVersion"/>, or refuses with every problem (Conflict)
    /// and changes nothing. The instance is locked as a burst locks it, so no burst runs meanwhile.
    /// </summary>
    public async Task<OperationResult<InstanceView>> MigrateAsync(Guid instanceId, int targetVersion, CancellationToken cancellationToken)
    {
        string definitionId;
        await using (var db = engineDb.CreateContext())
        {
            var found = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.DefinitionId).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return OperationResult<InstanceView>.NotFound($"instance {instanceId} does not exist");
            }

            definitionId = found;
        }

        var target = await definitions.GetCompiledAsync(definitionId, targetVersion, cancellationToken);
        if (target is null)
        {
            return OperationResult<InstanceView>.Invalid(
                $"Workflow '{definitionId}' has no published version {targetVersion}.",
                new Dictionary<string, string[]> { ["targetVersion"] = [$"workflow '{definitionId}' has no published version {targetVersion}"] });
        }

        int fromVersion;
        IReadOnlyList<string> added;
        await using (var write = await engineDb.WriteInstanceAsync(instanceId, cancellationToken))
        {
            var (db, instance) = (write.Db, write.Instance);
            if (instance is null)
            {
                return OperationResult<InstanceView>.NotFound($"instance {instanceId} does not exist");
            }

            var current = await definitions.GetCompiledAsync(instance.DefinitionId, instance.Version, cancellationToken)
                ?? throw new InvalidOperationException($"definition {instance.DefinitionId} v{instance.Version} is not published");
            var state = ReadState(instance.StateJson);
            var waits = await WaitsAsync(db, [instance.Id], cancellationToken);
            var problems = InstanceMigrator.Check(instance.Status, state, waits[instance.Id], current, target);
            if (problems.Count > 0)
            {
                await write.RollbackAsync(cancellationToken);
                var errors = problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
                return new OperationResult<InstanceView>(
                    OperationStatus.Conflict,
                    await queries.GetAsync(instanceId, includeJournal: false, cancellationToken),
                    $"Instance {instanceId} cannot move from version {instance.Version} to {targetVersion}: {problems.Count} problem(s); nothing was changed.",
                    errors);
            }

            fromVersion = instance.Version;
            added = InstanceMigrator.Apply(state, target);
            var now = clock.GetUtcNow().UtcDateTime;
            instance.Version = targetVersion;
            instance.StateJson = JsonSerializer.Serialize(state, StateJson.Options);
            instance.UpdatedAt = now;
            instance.ConcurrencyVersion++;
            db.Journal.Add(new JournalRecord
            {
                InstanceId = instance.Id,
                ActivityId = "",
                ActivityType = "",
                Event = "Migrated",
                StartedAt = now,
                CompletedAt = now,
                InputsJson = new JsonObject
                {
                    ["fromVersion"] = fromVersion,
                    ["toVersion"] = targetVersion,
                    ["addedVariables"] = new JsonArray([.. added.Select(a => (JsonNode?)a)]),
                }.ToJsonString(),
            });
            await write.CommitAsync(cancellationToken);
        }

        logger.LogInformation(
            "Migrated instance {InstanceId} of {DefinitionId} from v{FromVersion} to v{ToVersion}; variables added with defaults: {Added}",
            instanceId, definitionId, fromVersion, targetVersion, added.Count == 0 ? "none" : string.Join(", ", added));
        return OperationResult<InstanceView>.Ok((await queries.GetAsync(instanceId, includeJournal: false, cancellationToken))!);
    }

    /// <summary>
    /// For every Running and Suspended instance of the definition (of <paramref name="fromVersion"/>, or
    /// of any version but the target): could it move to <paramref name="targetVersion"/> now, and why not.
    /// Reads only; instances may change before an actual migration, which checks again.
    /// </summary>
    public async Task<OperationResult<MigrationReport>> DryRunAsync(string definitionId, int targetVersion, int? fromVersion, CancellationToken cancellationToken)
    {
        if (await definitions.FindAsync(definitionId, cancellationToken) is null)
        {
            return OperationResult<MigrationReport>.NotFound($"workflow '{definitionId}' does not exist");
        }

        var errors = new Dictionary<string, string[]>();
        var target = await definitions.GetCompiledAsync(definitionId, targetVersion, cancellationToken);
        if (target is null)
        {
            errors["targetVersion"] = [$"workflow '{definitionId}' has no published version {targetVersion}"];
        }

        if (fromVersion is { } from && (from == targetVersion || await definitions.GetCompiledAsync(definitionId, from, cancellationToken) is null))
        {
            errors["fromVersion"] = [from == targetVersion ? "must differ from targetVersion" : $"workflow '{definitionId}' has no published version {from}"];
        }

        if (errors.Count > 0)
        {
            return OperationResult<MigrationReport>.Invalid("The dry-run request names versions that cannot be used.", errors);
        }

        await using var db = engineDb.CreateContext();
        var query = db.Instances.AsNoTracking()
            .Where(i => i.DefinitionId == definitionId && i.Version != targetVersion
                && (i.Status == WorkflowStatus.Running || i.Status == WorkflowStatus.Suspended));
        if (fromVersion is { } only)
        {
            query = query.Where(i => i.Version == only);
        }

        var ids = await query.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        var candidates = new List<MigrationCandidate>(ids.Count);
        foreach (var batch in ids.Chunk(BatchSize))
        {
            var instances = await db.Instances.AsNoTracking().Where(i => batch.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            var waits = await WaitsAsync(db, batch, cancellationToken);
            foreach (var id in batch)
            {
                if (!instances.TryGetValue(id, out var instance))
                {
                    continue; // purged meanwhile
                }

                var current = await definitions.GetCompiledAsync(definitionId, instance.Version, cancellationToken);
                IReadOnlyList<MigrationProblem> problems = current is null
                    ? [new MigrationProblem("version", $"the instance's version {instance.Version} is not published")]
                    : InstanceMigrator.Check(instance.Status, ReadState(instance.StateJson), waits[id], current, target!);
                candidates.Add(new MigrationCandidate(id, instance.Version, instance.Status, instance.CorrelationId, problems.Count == 0, problems));
            }
        }

        return OperationResult<MigrationReport>.Ok(new MigrationReport(definitionId, targetVersion, fromVersion, candidates.Count, candidates.Count(c => c.CanMove), candidates));
    }

    /// <summary>
    /// Each instance's waits: open bookmarks, and consumed ones whose resume is queued but has not run
    /// yet (the burst that runs it will look for the activity in whatever version the instance then has).
    /// </summary>
    private static async Task<ILookup<Guid, OpenBookmark>> WaitsAsync(EngineDbContext db, IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken)
    {
        var rows = await db.Bookmarks.AsNoTracking()
            .Where(b => instanceIds.Contains(b.InstanceId)
                && (b.ConsumedAt == null || db.WorkItems.Any(w => w.BookmarkId == b.Id && w.Kind == WorkKind.Resume)))
            .Select(b => new { b.Id, b.InstanceId, b.ActivityId, b.ExecutionNumber, b.Name })
            .ToListAsync(cancellationToken);
        return rows.ToLookup(b => b.InstanceId, b => new OpenBookmark(b.Id, b.ActivityId, b.ExecutionNumber, b.Name, []));
    }

    private static InstanceState ReadState(string json) => JsonSerializer.Deserialize<InstanceState>(json, StateJson.Options) ?? new InstanceState();
}
