using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Hardening;
using Sleek.Workflows.Host.Setup;

namespace Sleek.Workflows.Host.Apis;

/// <summary>Workflow definitions: list, get, versions, drafts, publish, import, export, validate.</summary>
internal static class WorkflowsApi
{
    public static void MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization(SleekPolicies.Ops)
            .WithMetadata(new RequestSizeLimit(app.ServiceProvider.GetRequiredService<SleekSettings>().MaxDefinitionBytes));
        group.MapGet("/", ListAsync).WithSummary("All definitions with latest version, draft flag and active instance count.");
        group.MapPost("/", CreateAsync).WithSummary("Creates a definition as a draft (publish it to run it).").Accepts<WorkflowDefinition>("application/json");
        group.MapPost("/validate", Validate).WithSummary("Validates a definition without saving it.").Accepts<WorkflowDefinition>("application/json");
        group.MapPost("/import", ImportAsync).WithSummary("Publishes a definition file under the version it carries; the same content again changes nothing, other content under a published number is refused.").Accepts<WorkflowDefinition>("application/json");
        group.MapGet("/{definitionId}", GetAsync).WithSummary("A definition: latest published version, draft and version list.");
        group.MapGet("/{definitionId}/versions", VersionsAsync).WithSummary("Published versions, newest first.");
        group.MapGet("/{definitionId}/versions/{version:int}", GetVersionAsync).WithSummary("One published version's definition JSON.");
        group.MapPut("/{definitionId}/draft", SaveDraftAsync).WithSummary("Saves work in progress; returns the problems that would stop publishing.").Accepts<WorkflowDefinition>("application/json");
        group.MapPost("/{definitionId}/publish", PublishAsync).WithSummary("Publishes the draft as the next version.");
        group.MapGet("/{definitionId}/export", ExportAsync).WithSummary("Downloads a published version (latest unless ?version=) as a definition file.");
    }

    private static async Task<IResult> ListAsync(DefinitionStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<IResult> CreateAsync([FromBody] JsonNode? body, DefinitionStore store, CancellationToken cancellationToken)
    {
        var result = await store.CreateAsync(body, cancellationToken);
        return result.Status == OperationStatus.Created
            ? TypedResults.Created($"/api/workflows/{result.Value!.DefinitionId}", DefinitionDto.From(result.Value, [], null))
            : Problems.From(result);
    }

    private static IResult Validate([FromBody] JsonNode? body, DefinitionValidator validator)
    {
        var validation = validator.Validate(body);
        return TypedResults.Ok(new { valid = validation.IsValid, errors = validation.Errors });
    }

    private static async Task<IResult> ImportAsync([FromBody] JsonNode? body, DefinitionStore store, SleekSettings settings, CancellationToken cancellationToken)
    {
        var result = await store.PublishAsync(body, "import", cancellationToken);
        if (result.Status == OperationStatus.Created)
        {
            await WriteFileAsync(store, settings, result.Value!, cancellationToken);
            return TypedResults.Created($"/api/workflows/{result.Value!.DefinitionId}/versions/{result.Value.Version}", result.Value);
        }

        return Problems.From(result);
    }

    private static async Task<IResult> GetAsync(string definitionId, DefinitionStore store, DefinitionValidator validator, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(definitionId, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound($"workflow '{definitionId}' does not exist");
        }

        var versions = await store.VersionsAsync(definitionId, cancellationToken);
        IReadOnlyList<ValidationError>? draftErrors = record.DraftJson is null ? null : validator.Validate(JsonNode.Parse(record.DraftJson)).Errors;
        return TypedResults.Ok(DefinitionDto.From(record, versions, draftErrors));
    }

    private static async Task<IResult> VersionsAsync(string definitionId, DefinitionStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(definitionId, cancellationToken) is null)
        {
            return Problems.NotFound($"workflow '{definitionId}' does not exist");
        }

        var versions = await store.VersionsAsync(definitionId, cancellationToken);
        return TypedResults.Ok(versions.Select(VersionDto.From));
    }

    private static async Task<IResult> GetVersionAsync(string definitionId, int version, DefinitionStore store, CancellationToken cancellationToken)
    {
        var record = await store.GetVersionAsync(definitionId, version, cancellationToken);
        return record is null
            ? Problems.NotFound($"workflow '{definitionId}' has no published version {version}")
            : TypedResults.Text(record.Json, "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> SaveDraftAsync(string definitionId, [FromBody] JsonNode? body, DefinitionStore store, CancellationToken cancellationToken)
    {
        var result = await store.SaveDraftAsync(definitionId, body, cancellationToken);
        return result.Status switch
        {
            OperationStatus.Ok => TypedResults.Ok(new { definitionId, valid = result.Value!.Count == 0, errors = result.Value }),
            OperationStatus.Created => TypedResults.Created($"/api/workflows/{definitionId}", new { definitionId, valid = result.Value!.Count == 0, errors = result.Value }),
            _ => Problems.From(result),
        };
    }

    private static async Task<IResult> PublishAsync(string definitionId, DefinitionStore store, SleekSettings settings, CancellationToken cancellationToken)
    {
        var result = await store.PublishDraftAsync(definitionId, cancellationToken);
        if (result.Status == OperationStatus.Created)
        {
            await WriteFileAsync(store, settings, result.Value!, cancellationToken);
            return TypedResults.Created($"/api/workflows/{definitionId}/versions/{result.Value!.Version}", result.Value);
        }

        return Problems.From(result);
    }

    private static async Task<IResult> ExportAsync(string definitionId, int? version, DefinitionStore store, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(definitionId, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound($"workflow '{definitionId}' does not exist");
        }

        var number = version ?? record.LatestVersion;
        var published = number == 0 ? null : await store.GetVersionAsync(definitionId, number, cancellationToken);
        if (published is null)
        {
            return Problems.NotFound($"workflow '{definitionId}' has no published version {number}");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(published.Json), "application/json", $"{definitionId}-v{number}.json");
    }

    /// <summary>Writes a newly published version to workflows/ when the host is configured to, so the repository stays the source of truth.</summary>
    private static async Task WriteFileAsync(DefinitionStore store, SleekSettings settings, PublishOutcome outcome, CancellationToken cancellationToken)
    {
        if (!settings.PublishToDirectory)
        {
            return;
        }

        var version = await store.GetVersionAsync(outcome.DefinitionId, outcome.Version, cancellationToken);
        var folder = Path.Combine(settings.WorkflowsDirectory, outcome.DefinitionId);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"v{outcome.Version}.json");
        if (!File.Exists(path))
        {
            await File.WriteAllTextAsync(path, version!.Json + "\n", cancellationToken);
        }
    }

    /// <summary>A definition with its draft and versions.</summary>
    private sealed record DefinitionDto(
        string DefinitionId,
        string Name,
        string? Description,
        int LatestVersion,
        JsonNode? Draft,
        DateTime? DraftUpdatedAt,
        IReadOnlyList<ValidationError>? DraftErrors,
        IReadOnlyList<VersionDto> Versions,
        DateTime CreatedAt,
        DateTime UpdatedAt)
    {
        public static DefinitionDto From(WorkflowDefinitionRecord r, IReadOnlyList<WorkflowVersionRecord> versions, IReadOnlyList<ValidationError>? draftErrors) =>
            new(r.DefinitionId, r.Name, r.Description, r.LatestVersion, r.DraftJson is null ? null : JsonNode.Parse(r.DraftJson), r.DraftUpdatedAt, draftErrors, [.. versions.Select(VersionDto.From)], r.CreatedAt, r.UpdatedAt);
    }

    /// <summary>A published version's metadata.</summary>
    private sealed record VersionDto(int Version, string Name, string Source, string Hash, DateTime PublishedAt)
    {
        public static VersionDto From(WorkflowVersionRecord v) => new(v.Version, v.Name, v.Source, v.Hash, v.PublishedAt);
    }
}
