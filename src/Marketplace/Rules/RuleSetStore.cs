using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>
/// Rule sets, versioned in the database (<see cref="RuleSetVersion"/>): the runtime reads the latest
/// version; every saved change is version N+1 with its author and time, and is compiled before it is
/// saved. At start-up <c>rules/*.json</c> is imported: a missing rule set becomes version 1, and a file
/// that differs from the last version imported from a file becomes a new version by <c>file</c> (an edit
/// made through the API is not undone by an unchanged file).
/// </summary>
public sealed partial class RuleSetStore(MarketplaceDb marketplace, RuleSetCatalog catalog, TimeProvider clock) : IRuleSetSource
{
    /// <summary>The author of versions imported from <c>rules/</c>.</summary>
    public const string FileAuthor = "file";

    /// <inheritdoc />
    public async Task<RuleSetDocument?> GetLatestAsync(string name, CancellationToken cancellationToken)
    {
        var info = await FindAsync(name, cancellationToken);
        var latest = info is null ? null : await GetAsync(name, null, cancellationToken);
        return latest is null ? null : new RuleSetDocument(latest.Name, latest.Version, latest.Json, info!.BuiltIn ? null : info.Input, info.Retired);
    }

    /// <summary>A rule set of this name (built in, or created by a rule author, retired or not), or null.</summary>
    public async Task<RuleSetInfo?> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (catalog.IsKnown(name))
        {
            var shape = catalog.Get(name);
            return new RuleSetInfo(name, shape.Description, RuleSetCatalog.KindOf(shape.InputType), BuiltIn: true, null, null);
        }

        await using var db = marketplace.CreateContext();
        var record = await db.RuleSets.AsNoTracking().SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
        return record is null ? null : Info(record);
    }

    private static RuleSetInfo Info(RuleSetRecord r) => new(r.Name, r.Description, r.Input, BuiltIn: false, r.RetiredAt, r.RenamedFrom);

    /// <summary>Every rule set (built in first, then created ones, retired ones too) with its latest version (version 0 when none is saved).</summary>
    public async Task<IReadOnlyList<RuleSetSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var created = await db.RuleSets.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var infos = (await Task.WhenAll(catalog.Shapes.Select(s => FindAsync(s.Name, cancellationToken)))).Select(i => i!).Concat(created.Select(Info));
        var list = new List<RuleSetSummary>();
        foreach (var info in infos)
        {
            var latest = await GetAsync(info.Name, null, cancellationToken);
            list.Add(new RuleSetSummary(
                info.Name, info.Description, latest?.Version ?? 0, latest?.Author, latest?.CreatedAt, latest is null ? 0 : RuleSetFile.CountRules(latest.Json),
                info.Input, info.BuiltIn, info.RetiredAt, info.RenamedFrom));
        }

        return list;
    }

    /// <summary>One version (the latest when <paramref name="version"/> is null), or null.</summary>
    public async Task<RuleSetVersion?> GetAsync(string name, int? version, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var query = db.RuleSetVersions.AsNoTracking().Where(r => r.Name == name);
        return version is { } v
            ? await query.FirstOrDefaultAsync(r => r.Version == v, cancellationToken)
            : await query.OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>All versions of a rule set, newest first.</summary>
    public async Task<IReadOnlyList<RuleSetVersion>> VersionsAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        return await db.RuleSetVersions.AsNoTracking().Where(r => r.Name == name).OrderByDescending(r => r.Version).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Compiles and saves a new version. Invalid: the problems keyed by <c>Workflow/Rule</c>. Conflict: another
    /// version was saved since <paramref name="expectedVersion"/> (or at the same moment). Ok: the content equals
    /// the latest version, nothing saved. Created: the new version.
    /// </summary>
    /// <exception cref="UnknownRuleSetException">The name is not a rule set.</exception>
    public async Task<OperationResult<RuleSetVersion>> SaveAsync(
        string name, string json, string author, string? comment, int? expectedVersion, CancellationToken cancellationToken)
    {
        var info = await FindAsync(name, cancellationToken) ?? throw new UnknownRuleSetException(name, catalog.Shapes.Select(s => s.Name));
        if (info.Retired)
        {
            return OperationResult<RuleSetVersion>.Conflict($"rule set '{name}' is retired; create a new rule set instead");
        }

        var file = RuleSetFile.Parse(catalog.Get(name, info.Input, info.Description), json);
        if (!file.IsValid)
        {
            return OperationResult<RuleSetVersion>.Invalid(
                $"rule set '{name}' was not saved: {string.Join("; ", file.Problems)}", RuleProblem.ByField(file.Problems));
        }

        await using var db = marketplace.CreateContext();
        // The check and the new version in one write (a save by another host meanwhile fails on the unique index below).
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var latest = await db.RuleSetVersions.AsNoTracking().Where(r => r.Name == name).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);
        var latestVersion = latest?.Version ?? 0;
        if (expectedVersion is { } expected && expected != latestVersion)
        {
            return OperationResult<RuleSetVersion>.Conflict(
                $"rule set '{name}' is at version {latestVersion}, not {expected}: someone saved a change since; reload it and apply yours again", latest);
        }

        if (latest is not null && latest.Json == json)
        {
            return OperationResult<RuleSetVersion>.Ok(latest);
        }

        var version = new RuleSetVersion
        {
            Name = name,
            Version = latestVersion + 1,
            Json = json,
            Author = author,
            Comment = comment,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.RuleSetVersions.Add(version);
        try
        {
            await write.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // The unique (name, version) index: another host saved the same version number first.
            return OperationResult<RuleSetVersion>.Conflict($"rule set '{name}' was changed at the same moment by someone else; reload it and apply yours again", latest);
        }

        return OperationResult<RuleSetVersion>.Created(version);
    }

    /// <summary>Imports <c>rules/*.json</c> (see the class remarks). A file that does not compile stops start-up, naming each rule.</summary>
    /// <exception cref="InvalidRuleSetException">A file is unknown or does not compile.</exception>
    public async Task<IReadOnlyList<RuleSetVersion>> ImportDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        var imported = new List<RuleSetVersion>();
        if (!Directory.Exists(directory))
        {
            return imported;
        }

        // Only a file that differs from the last version imported from it is compiled: an unchanged one was valid when it
        // was stored, and compiling every rule set (Dynamic LINQ) was a tenth of a restart.
        var changed = new List<(string Name, string Json, bool IsNew)>();
        foreach (var (name, json) in catalog.ReadDirectory(directory))
        {
            await using var db = marketplace.CreateContext();
            var lastFromFile = await db.RuleSetVersions.AsNoTracking()
                .Where(r => r.Name == name && r.Author == FileAuthor)
                .OrderByDescending(r => r.Version)
                .Select(r => r.Json)
                .FirstOrDefaultAsync(cancellationToken);
            if (lastFromFile != json)
            {
                changed.Add((name, json, lastFromFile is null));
            }
        }

        foreach (var file in catalog.Compile(changed.Select(c => (c.Name, c.Json)), Path.GetFileName(directory)))
        {
            var isNew = changed.First(c => c.Name == file.Name).IsNew;
            var result = await SaveAsync(file.Name, file.Json, FileAuthor, isNew ? "imported from rules/" : "changed in rules/", null, cancellationToken);
            if (result is { Status: OperationStatus.Created, Value: { } saved })
            {
                imported.Add(saved);
            }
        }

        return imported;
    }
}
