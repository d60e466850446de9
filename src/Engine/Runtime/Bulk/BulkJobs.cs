using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime.Bulk;

/// <summary>
/// Bulk operations on instances: a dry run (count and sample, nothing changed), a job (its instances copied into
/// <c>bulk_job_items</c> with the job row, in one transaction) that <see cref="BulkJobRunner"/> works off in batches, and
/// its progress.
/// </summary>
public sealed class BulkJobs(EngineDb engineDb, DefinitionStore definitions, TimeProvider clock, ILogger<BulkJobs> logger)
{
    /// <summary>Instances a dry run lists.</summary>
    public const int SampleSize = 20;

    /// <summary>Failures a job's view lists.</summary>
    public const int FailuresShown = 100;

    /// <summary>Most instances one job takes (a larger selection is refused: narrow the filter or run several jobs).</summary>
    public const int MaxInstances = 100_000;

    private readonly WorkSignal _created = new();

    /// <summary>What the operation would take now, changing nothing.</summary>
    public async Task<OperationResult<BulkPreview>> DryRunAsync(BulkOperation operation, BulkFilter filter, int? targetVersion, CancellationToken cancellationToken)
    {
        var (errors, target) = await CheckAsync(operation, filter, targetVersion, cancellationToken);
        if (errors.Count > 0)
        {
            return OperationResult<BulkPreview>.Invalid("The bulk operation cannot run with this filter.", errors);
        }

        await using var db = engineDb.CreateContext();
        var query = BulkSelection.Query(db, operation, filter, targetVersion);
        var matched = await query.CountAsync(cancellationToken);
        var sample = await query.Take(SampleSize).ToListAsync(cancellationToken);
        var waits = target is null ? null : (await BurstStore.WaitsAsync(db, [.. sample.Select(i => i.Id)], null, cancellationToken)).ToLookup(b => b.InstanceId);
        var items = new List<BulkSampleInstance>(sample.Count);
        foreach (var instance in sample)
        {
            IReadOnlyList<string> problems = [];
            if (target is not null)
            {
                var current = await definitions.GetCompiledAsync(instance.DefinitionId, instance.Version, cancellationToken);
                problems = current is null
                    ? [$"the instance's version {instance.Version} is not published"]
                    : [.. InstanceMigrator.Check(instance.Status, ReadState(instance.StateJson), [.. waits![instance.Id].Select(OpenBookmark.Of)], current, target).Select(p => p.Message)];
            }

            items.Add(new BulkSampleInstance(instance.Id, instance.DefinitionId, instance.Version, instance.Status, instance.CorrelationId, instance.CreatedAt, problems));
        }

        return OperationResult<BulkPreview>.Ok(new BulkPreview(operation, targetVersion, matched, items));
    }

    /// <summary>
    /// Creates a job over the instances the filter takes now; <see cref="BulkJobRunner"/> of any host runs it. The job
    /// row and its items commit together, so a job exists with all its instances or not at all.
    /// </summary>
    public async Task<OperationResult<BulkJobView>> CreateAsync(
        BulkOperation operation, BulkFilter filter, int? targetVersion, string? reason, string? createdBy, CancellationToken cancellationToken)
    {
        var (errors, _) = await CheckAsync(operation, filter, targetVersion, cancellationToken);
        if (errors.Count > 0)
        {
            return OperationResult<BulkJobView>.Invalid("The bulk operation cannot run with this filter.", errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var job = new BulkJobRecord
        {
            Id = Guid.NewGuid(),
            Operation = operation,
            FilterJson = JsonSerializer.Serialize(filter, BulkFilter.Json),
            TargetVersion = operation == BulkOperation.Migrate ? targetVersion : null,
            Reason = operation == BulkOperation.Cancel ? reason : null,
            Status = BulkJobStatus.Running,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using (var db = engineDb.CreateContext())
        await using (var write = await db.BeginWriteAsync(cancellationToken))
        {
            var ids = await BulkSelection.Query(db, operation, filter, targetVersion).Select(i => i.Id).Take(MaxInstances + 1).ToListAsync(cancellationToken);
            if (ids.Count > MaxInstances)
            {
                return OperationResult<BulkJobView>.Invalid(
                    "The filter takes too many instances for one job.",
                    new Dictionary<string, string[]> { ["filter"] = [$"takes more than {MaxInstances} instances; narrow it (e.g. by version or age) and run several jobs"] });
            }

            job.Total = ids.Count;
            job.Status = ids.Count == 0 ? BulkJobStatus.Completed : BulkJobStatus.Running;
            job.FinishedAt = ids.Count == 0 ? now : null;
            db.BulkJobs.Add(job);
            db.BulkJobItems.AddRange(ids.Select((id, seq) => new BulkJobItemRecord { JobId = job.Id, Seq = seq, InstanceId = id, State = BulkItemState.Pending }));
            await write.CommitAsync(cancellationToken);
        }

        logger.LogInformation(
            "Bulk job {JobId} created by {CreatedBy}: {Operation} of {Total} instance(s) matching {Filter}{Target}",
            job.Id, createdBy ?? "unknown", operation, job.Total, job.FilterJson, targetVersion is { } v && operation == BulkOperation.Migrate ? $" to version {v}" : "");
        _created.Pulse();
        return OperationResult<BulkJobView>.Created((await GetAsync(job.Id, cancellationToken))!);
    }

    /// <summary>A job and its progress; null when unknown.</summary>
    public async Task<BulkJobView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var job = await db.BulkJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var failures = await db.BulkJobItems.AsNoTracking()
            .Where(i => i.JobId == id && i.State == BulkItemState.Failed)
            .OrderBy(i => i.Seq)
            .Take(FailuresShown)
            .Select(i => new BulkFailure(i.InstanceId, i.Error ?? ""))
            .ToListAsync(cancellationToken);
        return View(job, failures);
    }

    /// <summary>The newest jobs, without their failures.</summary>
    public async Task<IReadOnlyList<BulkJobView>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var jobs = await db.BulkJobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(limit).ToListAsync(cancellationToken);
        return [.. jobs.Select(j => View(j, []))];
    }

    /// <summary>Waits until a job is created on this host, or <paramref name="timeout"/> passes.</summary>
    internal Task WaitForNewJobAsync(TimeSpan timeout, CancellationToken cancellationToken) => _created.WaitAsync(timeout, cancellationToken);

    private static BulkJobView View(BulkJobRecord job, IReadOnlyList<BulkFailure> failures) => new(
        job.Id, job.Operation, JsonNode.Parse(job.FilterJson), job.TargetVersion, job.Reason, job.Status,
        job.Total, job.Done, job.Failed, job.Total - job.Done - job.Failed, job.CreatedBy, job.CreatedAt, job.UpdatedAt, job.FinishedAt, failures);

    /// <summary>Errors naming the field, and the compiled target version of a migration.</summary>
    private async Task<(Dictionary<string, string[]> Errors, CompiledDefinition? Target)> CheckAsync(
        BulkOperation operation, BulkFilter filter, int? targetVersion, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (filter.IsEmpty)
        {
            errors["filter"] = ["give at least one criterion (definitionId, version, status, hasOpenIncident, incidentActivityId, correlationId, olderThanMinutes or createdBefore)"];
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            var allowed = BulkSelection.StatusesFor(operation);
            if (!statuses.Any(allowed.Contains))
            {
                errors["filter.status"] = [$"{operation} acts only on instances that are {string.Join(", ", allowed)}"];
            }
        }

        if (filter.DefinitionId is { } definitionId && await definitions.FindAsync(definitionId, cancellationToken) is null)
        {
            errors["filter.definitionId"] = [$"no workflow '{definitionId}' exists"];
        }

        CompiledDefinition? target = null;
        if (operation == BulkOperation.Migrate)
        {
            if (filter.DefinitionId is null)
            {
                errors.TryAdd("filter.definitionId", ["is required to migrate: instances move between versions of one workflow"]);
            }

            if (targetVersion is not { } version || version < 1)
            {
                errors["targetVersion"] = ["is required to migrate: a published version number, 1 or more"];
            }
            else if (filter.DefinitionId is { } id && !errors.ContainsKey("filter.definitionId"))
            {
                target = await definitions.GetCompiledAsync(id, version, cancellationToken);
                if (target is null)
                {
                    errors["targetVersion"] = [$"workflow '{id}' has no published version {version}"];
                }
                else if (filter.Version == version)
                {
                    errors["filter.version"] = ["must differ from targetVersion"];
                }
            }
        }
        else if (targetVersion is not null)
        {
            errors["targetVersion"] = [$"is only for migrate, not {operation}"];
        }

        return (errors, target);
    }

    private static InstanceState ReadState(string json) => JsonSerializer.Deserialize<InstanceState>(json, StateJson.Options) ?? new InstanceState();
}
