using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Definitions.Import.Elsa;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// Definitions, drafts and published versions. Published versions are immutable: publishing the same
/// number again with other content is a conflict, never an overwrite.
/// </summary>
public sealed class DefinitionStore(EngineDb engineDb, DefinitionValidator validator, ActivityRegistry registry, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string, int), CompiledDefinition> _compiled = new();

    /// <summary>All definitions with their active instance counts.</summary>
    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var active = await db.Instances
            .Where(i => i.Status == WorkflowStatus.Running || i.Status == WorkflowStatus.Suspended)
            .GroupBy(i => i.DefinitionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var definitions = await db.Definitions.AsNoTracking().OrderBy(d => d.DefinitionId).ToListAsync(cancellationToken);
        return [.. definitions.Select(d => new DefinitionSummary(d.DefinitionId, d.Name, d.Description, d.LatestVersion, d.DraftJson is not null, active.GetValueOrDefault(d.DefinitionId), d.UpdatedAt))];
    }

    /// <summary>One definition record, or null.</summary>
    public async Task<WorkflowDefinitionRecord?> FindAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        return await db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.DefinitionId == definitionId, cancellationToken);
    }

    /// <summary>
    /// The latest published version of a definition (0 while none is published), or null when the definition does not
    /// exist. Every start asks, so this reads that one column (not the draft, which can be large) through a compiled
    /// query: no expression tree is built and no query cache consulted per start.
    /// </summary>
    public async Task<int?> LatestVersionAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var query = LatestVersionQueries.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery(
            (EngineDbContext context, string id, CancellationToken _) =>
                context.Definitions.Where(d => d.DefinitionId == id).Select(d => (int?)d.LatestVersion).FirstOrDefault()));
        return await query(db, definitionId, cancellationToken);
    }

    // A compiled query serves one model only: one per model (a host has one; the tests, one per provider).
    private static readonly ConcurrentDictionary<IModel, Func<EngineDbContext, string, CancellationToken, Task<int?>>> LatestVersionQueries = new();

    /// <summary>Published versions, newest first.</summary>
    public async Task<IReadOnlyList<WorkflowVersionRecord>> VersionsAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        return await db.Versions.AsNoTracking().Where(v => v.DefinitionId == definitionId).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
    }

    /// <summary>One published version, or null.</summary>
    public async Task<WorkflowVersionRecord?> GetVersionAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        return await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.DefinitionId == definitionId && v.Version == version, cancellationToken);
    }

    /// <summary>The content hash (<see cref="HashOf"/>) of every published version, by definition id and version.</summary>
    public async Task<IReadOnlyDictionary<(string DefinitionId, int Version), string>> PublishedHashesAsync(CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var rows = await db.Versions.AsNoTracking().Select(v => new { v.DefinitionId, v.Version, v.Hash }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.DefinitionId, r.Version), r => r.Hash);
    }

    /// <summary>A published version ready to run (cached: published versions never change).</summary>
    public async Task<CompiledDefinition?> GetCompiledAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        if (_compiled.TryGetValue((definitionId, version), out var compiled))
        {
            return compiled;
        }

        var record = await GetVersionAsync(definitionId, version, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var definition = System.Text.Json.JsonSerializer.Deserialize<WorkflowDefinition>(record.Json, DefinitionJson.Options)!;
        return _compiled.GetOrAdd((definitionId, version), _ => new CompiledDefinition(definition, registry));
    }

    /// <summary>
    /// Publishes raw definition JSON under the version number it carries (files, imports).
    /// Same number and same content → nothing changes; same number, other content → conflict.
    /// </summary>
    public async Task<OperationResult<PublishOutcome>> PublishAsync(JsonNode? json, string source, CancellationToken cancellationToken)
    {
        var validation = validator.Validate(json);
        if (!validation.IsValid)
        {
            return OperationResult<PublishOutcome>.Invalid("The workflow definition is invalid.", ToErrors(validation.Errors));
        }

        return await InsertVersionAsync(validation.Definition!, source, clearDraft: false, cancellationToken);
    }

    /// <summary>
    /// Publishes a file to import: our definition as <see cref="PublishAsync"/> does, or an Elsa 3 export converted first
    /// (<see cref="ElsaConverter"/>); an export that cannot be converted is one problem naming every type and expression in the way.
    /// </summary>
    public async Task<OperationResult<PublishOutcome>> ImportAsync(JsonNode? json, string source, CancellationToken cancellationToken)
    {
        if (!ElsaExport.Is(json))
        {
            return await PublishAsync(json, source, cancellationToken);
        }

        var conversion = ElsaConverter.Convert(json!.AsObject());
        if (conversion.Definition is null)
        {
            return OperationResult<PublishOutcome>.Invalid(conversion.Summary(), ToErrors(conversion.Errors));
        }

        var validation = validator.Validate(conversion.Definition);
        return validation.IsValid
            ? await InsertVersionAsync(validation.Definition!, source, clearDraft: false, cancellationToken)
            : OperationResult<PublishOutcome>.Invalid("This Elsa 3 workflow export was converted, but the result is not a valid workflow here; the errors name the converted fields.", ToErrors(validation.Errors));
    }

    /// <summary>Creates a new definition from JSON as a draft (nothing published yet).</summary>
    public async Task<OperationResult<WorkflowDefinitionRecord>> CreateAsync(JsonNode? json, CancellationToken cancellationToken)
    {
        var validation = validator.Validate(json);
        if (validation.Definition is null)
        {
            return OperationResult<WorkflowDefinitionRecord>.Invalid("The workflow definition is malformed.", ToErrors(validation.Errors));
        }

        var definition = validation.Definition;
        await using var db = engineDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await db.Definitions.AnyAsync(d => d.DefinitionId == definition.DefinitionId, cancellationToken))
        {
            return OperationResult<WorkflowDefinitionRecord>.Conflict($"workflow '{definition.DefinitionId}' already exists; save a draft with PUT /api/workflows/{definition.DefinitionId}/draft");
        }

        var now = Now();
        definition.Version = 1;
        var record = new WorkflowDefinitionRecord
        {
            DefinitionId = definition.DefinitionId,
            Name = definition.Name,
            Description = definition.Description,
            DraftJson = DefinitionJson.Serialize(definition),
            DraftUpdatedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Definitions.Add(record);
        try
        {
            await write.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return OperationResult<WorkflowDefinitionRecord>.Conflict($"workflow '{definition.DefinitionId}' already exists");
        }

        return OperationResult<WorkflowDefinitionRecord>.Created(record);
    }

    /// <summary>
    /// Saves work in progress. The draft must have the definition's shape; semantic problems are
    /// returned but do not stop the save (a designer saves half-built flows).
    /// </summary>
    public async Task<OperationResult<IReadOnlyList<ValidationError>>> SaveDraftAsync(string definitionId, JsonNode? json, CancellationToken cancellationToken)
    {
        if (json is JsonObject obj)
        {
            // The URL names the definition; the body need not repeat it.
            obj["definitionId"] ??= definitionId;
            obj["version"] ??= 1;
        }

        var validation = validator.Validate(json);
        if (validation.Definition is null)
        {
            return OperationResult<IReadOnlyList<ValidationError>>.Invalid("The draft is not a workflow definition.", ToErrors(validation.Errors));
        }

        var definition = validation.Definition;
        if (definition.DefinitionId != definitionId)
        {
            return OperationResult<IReadOnlyList<ValidationError>>.Invalid("The draft names another workflow.", new Dictionary<string, string[]>
            {
                ["definitionId"] = [$"is '{definition.DefinitionId}' but the URL says '{definitionId}'"],
            });
        }

        await using var db = engineDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var record = await db.Definitions.SingleOrDefaultAsync(d => d.DefinitionId == definitionId, cancellationToken);
        var now = Now();
        var created = record is null;
        if (record is null)
        {
            record = new WorkflowDefinitionRecord { DefinitionId = definitionId, CreatedAt = now };
            db.Definitions.Add(record);
        }

        definition.Version = record.LatestVersion + 1;
        record.Name = definition.Name;
        record.Description = definition.Description;
        record.DraftJson = DefinitionJson.Serialize(definition);
        record.DraftUpdatedAt = now;
        record.UpdatedAt = now;
        await write.CommitAsync(cancellationToken);
        return created ? OperationResult<IReadOnlyList<ValidationError>>.Created(validation.Errors) : OperationResult<IReadOnlyList<ValidationError>>.Ok(validation.Errors);
    }

    /// <summary>Publishes the draft as the next version number.</summary>
    public async Task<OperationResult<PublishOutcome>> PublishDraftAsync(string definitionId, CancellationToken cancellationToken)
    {
        var record = await FindAsync(definitionId, cancellationToken);
        if (record is null)
        {
            return OperationResult<PublishOutcome>.NotFound($"workflow '{definitionId}' does not exist");
        }

        if (record.DraftJson is null)
        {
            return OperationResult<PublishOutcome>.Conflict($"workflow '{definitionId}' has no draft to publish; save one with PUT /api/workflows/{definitionId}/draft");
        }

        var json = JsonNode.Parse(record.DraftJson)!;
        json["version"] = record.LatestVersion + 1;
        var validation = validator.Validate(json);
        if (!validation.IsValid)
        {
            return OperationResult<PublishOutcome>.Invalid("The draft cannot be published until these problems are fixed.", ToErrors(validation.Errors));
        }

        if (record.LatestVersion > 0 && await SameAsLatestAsync(validation.Definition!, record.LatestVersion, cancellationToken))
        {
            return OperationResult<PublishOutcome>.Conflict(
                $"nothing to publish: the draft is the same as version {record.LatestVersion} (layout included); change something first, or start instances on version {record.LatestVersion}");
        }

        return await InsertVersionAsync(validation.Definition!, "api", clearDraft: true, cancellationToken);
    }

    /// <summary>True when the draft, numbered as the latest version, has that version's exact content (hash).</summary>
    private async Task<bool> SameAsLatestAsync(WorkflowDefinition draft, int latestVersion, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var latestHash = await db.Versions.AsNoTracking()
            .Where(v => v.DefinitionId == draft.DefinitionId && v.Version == latestVersion)
            .Select(v => v.Hash)
            .SingleOrDefaultAsync(cancellationToken);
        var next = draft.Version;
        draft.Version = latestVersion;
        var same = latestHash == HashOf(draft);
        draft.Version = next;
        return same;
    }

    /// <summary>SHA-256 of a definition's canonical JSON.</summary>
    public static string HashOf(WorkflowDefinition definition) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DefinitionJson.Canonical(definition))));

    /// <summary>Turns validation errors into problem-details errors keyed by field.</summary>
    public static IReadOnlyDictionary<string, string[]> ToErrors(IEnumerable<ValidationError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.ActivityId is null ? e.Message : $"activity '{e.ActivityId}': {e.Message}").ToArray());

    private async Task<OperationResult<PublishOutcome>> InsertVersionAsync(WorkflowDefinition definition, string source, bool clearDraft, CancellationToken cancellationToken)
    {
        // Two workflows never serve one hook route (the check reads the other workflows' latest versions).
        if (await Runtime.Hooks.HookRouteTable.ClashAsync(definition, this, engineDb, cancellationToken) is { } clash)
        {
            return OperationResult<PublishOutcome>.Conflict(clash);
        }

        var hash = HashOf(definition);
        await using var db = engineDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var existing = await db.Versions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.DefinitionId == definition.DefinitionId && v.Version == definition.Version, cancellationToken);
        if (existing is not null)
        {
            return existing.Hash == hash
                ? OperationResult<PublishOutcome>.Ok(new PublishOutcome(definition.DefinitionId, definition.Version, AlreadyPublished: true))
                : OperationResult<PublishOutcome>.Conflict(
                    $"version {definition.Version} of '{definition.DefinitionId}' is already published with different content (published {existing.PublishedAt:u}); published versions are immutable, so publish the change as version {definition.Version + 1} or higher");
        }

        var now = Now();
        var record = await db.Definitions.SingleOrDefaultAsync(d => d.DefinitionId == definition.DefinitionId, cancellationToken);
        if (record is null)
        {
            record = new WorkflowDefinitionRecord { DefinitionId = definition.DefinitionId, CreatedAt = now };
            db.Definitions.Add(record);
        }

        if (definition.Version > record.LatestVersion)
        {
            record.LatestVersion = definition.Version;
            record.Name = definition.Name;
            record.Description = definition.Description;
        }

        if (clearDraft)
        {
            record.DraftJson = null;
            record.DraftUpdatedAt = null;
        }

        record.UpdatedAt = now;
        db.Versions.Add(new WorkflowVersionRecord
        {
            DefinitionId = definition.DefinitionId,
            Version = definition.Version,
            Name = definition.Name,
            Json = DefinitionJson.Serialize(definition),
            Hash = hash,
            Source = source,
            PublishedAt = now,
        });
        try
        {
            await write.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return OperationResult<PublishOutcome>.Conflict($"version {definition.Version} of '{definition.DefinitionId}' was published by someone else at the same moment; reload and try again");
        }

        return OperationResult<PublishOutcome>.Created(new PublishOutcome(definition.DefinitionId, definition.Version, AlreadyPublished: false));
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
