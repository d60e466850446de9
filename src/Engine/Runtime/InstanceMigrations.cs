using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Moves instances to another published version of their definition when <see cref="InstanceMigrator"/>
/// finds it safe, and reports for a whole definition which instances could move and why not.
/// </summary>
public sealed class InstanceMigrations(
    InstanceStore instances,
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
        if (await instances.DefinitionOfAsync(instanceId, cancellationToken) is not var (definitionId, _))
        {
            return OperationResult<InstanceView>.NotFound($"instance {instanceId} does not exist");
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
        await using (var locked = await instances.LockAsync(instanceId, cancellationToken))
        {
            var instance = locked.Instance;
            if (instance is null)
            {
                return OperationResult<InstanceView>.NotFound($"instance {instanceId} does not exist");
            }

            fromVersion = instance.Version;
            var moved = await MoveLockedAsync(locked.Db, instance, target, definitions, clock.GetUtcNow().UtcDateTime, cancellationToken);
            if (moved.Problems.Count > 0)
            {
                // Nothing was changed: disposing the lock rolls back.
                var errors = moved.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
                return new OperationResult<InstanceView>(
                    OperationStatus.Conflict,
                    await queries.GetAsync(instanceId, includeJournal: false, cancellationToken),
                    $"Instance {instanceId} cannot move from version {instance.Version} to {targetVersion}: {moved.Problems.Count} problem(s); nothing was changed.",
                    errors);
            }

            added = moved.Added;
            await locked.CommitAsync(cancellationToken);
        }

        logger.LogInformation(
            "Migrated instance {InstanceId} of {DefinitionId} from v{FromVersion} to v{ToVersion}; variables added with defaults: {Added}",
            instanceId, definitionId, fromVersion, targetVersion, added.Count == 0 ? "none" : string.Join(", ", added));
        return OperationResult<InstanceView>.Ok((await queries.GetAsync(instanceId, includeJournal: false, cancellationToken))!);
    }

    /// <summary>
    /// Checks and moves an instance already loaded for update in <paramref name="db"/>'s write transaction (a single
    /// migration's lock, or a bulk job's batch); the caller commits. Returns the problems (nothing changed) or the
    /// variables added with defaults.
    /// </summary>
    internal static async Task<(IReadOnlyList<MigrationProblem> Problems, IReadOnlyList<string> Added)> MoveLockedAsync(
        EngineDbContext db, WorkflowInstanceRecord instance, CompiledDefinition target, DefinitionStore definitions, DateTime now, CancellationToken cancellationToken)
    {
        var current = await definitions.GetCompiledAsync(instance.DefinitionId, instance.Version, cancellationToken);
        if (current is null)
        {
            return ([new MigrationProblem("version", $"the instance's version {instance.Version} is not published")], []);
        }

        var state = ReadState(instance.StateJson);
        var waits = await BurstStore.WaitsAsync(db, [instance.Id], null, cancellationToken);
        var problems = InstanceMigrator.Check(instance.Status, state, [.. waits.Select(OpenBookmark.Of)], current, target);
        if (problems.Count > 0)
        {
            return (problems, []);
        }

        var fromVersion = instance.Version;
        var added = InstanceMigrator.Apply(state, target);
        instance.Version = target.Definition.Version;
        instance.StateJson = JsonSerializer.Serialize(state, StateJson.Options);
        instance.UpdatedAt = now;
        instance.ConcurrencyVersion++;
        db.Journal.Add(new JournalRecord
        {
            InstanceId = instance.Id,
            ActivityId = "",
            ActivityType = "",
            Event = JournalEvent.Migrated,
            StartedAt = now,
            CompletedAt = now,
            InputsJson = new JsonObject
            {
                ["fromVersion"] = fromVersion,
                ["toVersion"] = target.Definition.Version,
                ["addedVariables"] = new JsonArray([.. added.Select(a => (JsonNode?)a)]),
            }.ToJsonString(),
        });
        return ([], added);
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

        var ids = await instances.ActiveInstancesAsync(definitionId, targetVersion, fromVersion, cancellationToken);
        var candidates = new List<MigrationCandidate>(ids.Count);
        foreach (var batch in ids.Chunk(BatchSize))
        {
            var (found, waits) = await instances.WithWaitsAsync(batch, cancellationToken);
            foreach (var id in batch)
            {
                if (!found.TryGetValue(id, out var instance))
                {
                    continue; // purged meanwhile
                }

                var current = await definitions.GetCompiledAsync(definitionId, instance.Version, cancellationToken);
                IReadOnlyList<MigrationProblem> problems = current is null
                    ? [new MigrationProblem("version", $"the instance's version {instance.Version} is not published")]
                    : InstanceMigrator.Check(instance.Status, ReadState(instance.StateJson), [.. waits[id].Select(OpenBookmark.Of)], current, target!);
                candidates.Add(new MigrationCandidate(id, instance.Version, instance.Status, instance.CorrelationId, problems.Count == 0, problems));
            }
        }

        return OperationResult<MigrationReport>.Ok(new MigrationReport(definitionId, targetVersion, fromVersion, candidates.Count, candidates.Count(c => c.CanMove), candidates));
    }

    private static InstanceState ReadState(string json) => JsonSerializer.Deserialize<InstanceState>(json, StateJson.Options) ?? new InstanceState();
}
