using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime.Replay;

/// <summary>
/// Replays a workflow's draft against recorded instances of a published version, in memory: the draft's interpreter
/// starts from each instance's recorded input; flow activities (decisions, switches, loops, variables) run for real,
/// and every other activity — call-outs, waits, anything that could write — is stubbed by the outcome the journal
/// recorded for it (its output and port). Nothing is written and nothing is called: no transaction is given, and no
/// activity outside <see cref="Evaluated"/> runs.
/// </summary>
public sealed class DraftReplays(EngineDb engineDb, DefinitionStore definitions, DefinitionValidator validator, ActivityRegistry registry, WorkflowInterpreter interpreter, ILogger<DraftReplays> logger)
{
    /// <summary>Instances replayed when the caller names none.</summary>
    public const int DefaultLimit = 20;

    /// <summary>Most instances one replay takes.</summary>
    public const int MaxLimit = 100;

    /// <summary>Bursts one replay runs at most (a long loop pauses every 1,000 activities).</summary>
    private const int MaxBursts = 50;

    /// <summary>Activity types that run for real in a replay: they only compute over the instance's state.</summary>
    public static readonly IReadOnlySet<string> Evaluated = new HashSet<string>(StringComparer.Ordinal)
    {
        "Start", "End", "Decision", "Switch", "Fork", "Join", "ForEach", "SetVariable", "Log", "Fault",
    };

    /// <summary>
    /// Replays the draft against the newest <paramref name="limit"/> instances of <paramref name="fromVersion"/> (the
    /// latest published version when null), or against <paramref name="instanceIds"/> of it.
    /// </summary>
    public async Task<OperationResult<ReplayReport>> ReplayAsync(string definitionId, int? fromVersion, IReadOnlyList<Guid>? instanceIds, int limit, CancellationToken cancellationToken)
    {
        var record = await definitions.FindAsync(definitionId, cancellationToken);
        if (record is null)
        {
            return OperationResult<ReplayReport>.NotFound($"workflow '{definitionId}' does not exist");
        }

        if (record.DraftJson is null)
        {
            return OperationResult<ReplayReport>.Conflict($"workflow '{definitionId}' has no draft to replay; save one with PUT /api/workflows/{definitionId}/draft");
        }

        var from = fromVersion ?? record.LatestVersion;
        var published = from < 1 ? null : await definitions.GetCompiledAsync(definitionId, from, cancellationToken);
        if (published is null)
        {
            return OperationResult<ReplayReport>.Invalid(
                "There is no published version to replay.",
                new Dictionary<string, string[]> { ["fromVersion"] = [$"workflow '{definitionId}' has no published version {from}"] });
        }

        var json = JsonNode.Parse(record.DraftJson)!;
        json["version"] = record.LatestVersion + 1;
        var validation = validator.Validate(json);
        if (!validation.IsValid)
        {
            return OperationResult<ReplayReport>.Invalid("The draft cannot be replayed until these problems are fixed.", DefinitionStore.ToErrors(validation.Errors));
        }

        var draft = new CompiledDefinition(validation.Definition!, registry);
        await using var db = engineDb.CreateContext();
        var query = db.Instances.AsNoTracking().Where(i => i.DefinitionId == definitionId && i.Version == from);
        if (instanceIds is { Count: > 0 })
        {
            query = query.Where(i => instanceIds.Contains(i.Id));
        }

        var instances = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(limit).ToListAsync(cancellationToken);
        var ids = instances.Select(i => i.Id).ToList();
        var journal = (await db.Journal.AsNoTracking().Where(j => ids.Contains(j.InstanceId)).OrderBy(j => j.Id).ToListAsync(cancellationToken))
            .ToLookup(j => j.InstanceId);

        var results = new List<ReplayResult>(instances.Count);
        foreach (var instance in instances)
        {
            results.Add(await ReplayOneAsync(draft, instance, [.. journal[instance.Id]], cancellationToken));
        }

        var diverged = results.Count(r => r.FirstDifference is not null);
        logger.LogInformation(
            "Replayed the draft of {DefinitionId} against {Count} instance(s) of v{FromVersion}: {Diverged} take another path",
            definitionId, results.Count, from, diverged);
        return OperationResult<ReplayReport>.Ok(new ReplayReport(definitionId, from, results.Count, diverged, results));
    }

    private async Task<ReplayResult> ReplayOneAsync(CompiledDefinition draft, WorkflowInstanceRecord instance, IReadOnlyList<JournalRecord> recorded, CancellationToken cancellationToken)
    {
        var recordedState = JsonSerializer.Deserialize<InstanceState>(instance.StateJson, StateJson.Options) ?? new InstanceState();
        var state = new InstanceState { Input = (JsonObject)recordedState.Input.DeepClone() };
        foreach (var variable in draft.Definition.Variables)
        {
            state.Variables[variable.Name] = variable.Default?.DeepClone();
        }

        // The last recorded outcome of each activity execution (a retried one's final try).
        var outcomes = recorded
            .Where(j => j.Event is JournalEvent.Executed or JournalEvent.Resumed or JournalEvent.Faulted)
            .GroupBy(j => (j.ActivityId, j.ExecutionNumber))
            .ToDictionary(g => g.Key, g => g.Last());
        ActivityResult? Stub(string activityId, string activityType, int executionNumber)
        {
            if (Evaluated.Contains(activityType))
            {
                return null;
            }

            if (!outcomes.TryGetValue((activityId, executionNumber), out var outcome))
            {
                return ActivityResult.Fault($"no recorded outcome for '{activityId}' ({activityType}), execution {executionNumber}: the recorded instance never finished it", retryable: false);
            }

            var output = outcome.OutputJson is null ? null : JsonNode.Parse(outcome.OutputJson);
            return outcome.Event == JournalEvent.Faulted
                ? ActivityResult.Fault($"recorded fault: {outcome.Error}", retryable: false)
                : ActivityResult.Outcomes([.. (outcome.Ports ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)], output);
        }

        var entries = new List<JournalEntry>();
        BurstTrigger trigger = new BurstTrigger.Start();
        for (var burst = 0; burst < MaxBursts; burst++)
        {
            var result = await interpreter.RunAsync(new BurstRequest(draft, instance.Id, instance.CorrelationId, state, trigger, [], Stub: Stub), cancellationToken);
            entries.AddRange(result.Journal);
            if (!result.Paused)
            {
                break;
            }

            trigger = new BurstTrigger.Continue();
        }

        var recordedPath = recorded.Where(j => j.Event is JournalEvent.Executed or JournalEvent.Resumed).Select(j => new ReplayStep(j.ActivityId, j.ActivityType, j.Ports ?? "")).ToList();
        var draftPath = entries.Where(e => e.Event is JournalEvent.Executed or JournalEvent.Resumed).Select(e => new ReplayStep(e.ActivityId, e.ActivityType, e.Ports ?? "")).ToList();
        var stopped = entries.LastOrDefault(e => e.Event == JournalEvent.Faulted)?.Error;
        return new ReplayResult(instance.Id, instance.Status, instance.CorrelationId, recordedPath, draftPath, FirstDifference(recordedPath, draftPath), stopped);
    }

    private static ReplayDifference? FirstDifference(IReadOnlyList<ReplayStep> recorded, IReadOnlyList<ReplayStep> draft)
    {
        for (var i = 0; i < Math.Max(recorded.Count, draft.Count); i++)
        {
            var (a, b) = (i < recorded.Count ? recorded[i] : null, i < draft.Count ? draft[i] : null);
            if (a is null || b is null || a.ActivityId != b.ActivityId || a.Port != b.Port)
            {
                return new ReplayDifference(i, a, b);
            }
        }

        return null;
    }
}
