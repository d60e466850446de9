using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Definitions.Import.Elsa;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Hardening;
using Sleek.Workflows.Host.Setup;

namespace Sleek.Workflows.Host.Endpoints.Workflows;

/// <summary>Workflow definitions: list, get, versions, drafts, publish, import, export, validate (migration dry-runs: <see cref="VersionMigrations.VersionMigrationsEndpoints"/>).</summary>
internal static class WorkflowsEndpoints
{
    public static void MapWorkflowsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization(SleekPolicies.Ops)
            .WithMetadata(new RequestSizeLimit(app.ServiceProvider.GetRequiredService<SleekSettings>().MaxDefinitionBytes));
        group.MapGet("/", ListAsync).WithName("ListWorkflows").WithSummary("All definitions with latest version, draft flag and active instance count.");
        group.MapPost("/", CreateAsync).WithName("CreateWorkflow").WithSummary("Creates a definition as a draft (publish it to run it).").Accepts<WorkflowDefinition>("application/json");
        group.MapPost("/validate", Validate).WithName("ValidateWorkflow").WithSummary("Validates a definition without saving it.").Accepts<WorkflowDefinition>("application/json");
        group.MapPost("/import", ImportAsync).WithName("ImportWorkflow")
            .WithSummary("Publishes a definition file under the version it carries (ours, or an Elsa 3 export converted first); the same content again changes nothing, other content under a published number is refused.")
            .Accepts<WorkflowDefinition>("application/json");
        group.MapPost("/convert", Convert).WithName("ConvertElsaWorkflow")
            .WithSummary("Converts an Elsa 3 workflow export to a definition without saving it (the designer loads it as a draft); what cannot be converted is one 400 naming each activity and expression.")
            .Accepts<JsonObject>("application/json");
        group.MapGet("/{definitionId}", GetAsync).WithName("GetWorkflow").WithSummary("A definition: latest published version, draft and version list.");
        group.MapGet("/{definitionId}/versions", VersionsAsync).WithName("ListWorkflowVersions").WithSummary("Published versions, newest first.");
        group.MapGet("/{definitionId}/versions/{version:int}", GetVersionAsync).WithName("GetWorkflowVersion").WithSummary("One published version's definition JSON.");
        group.MapPut("/{definitionId}/draft", SaveDraftAsync).WithName("SaveWorkflowDraft")
            .WithSummary("Saves work in progress; returns the problems that would stop publishing.")
            .Accepts<WorkflowDefinition>("application/json");
        group.MapPost("/{definitionId}/publish", PublishAsync).WithName("PublishWorkflow").WithSummary("Publishes the draft as the next version.");
        group.MapGet("/{definitionId}/export", ExportAsync).WithName("ExportWorkflow").WithSummary("Downloads a published version (latest unless ?version=) as a definition file.");
    }

    private static async Task<Ok<IReadOnlyList<DefinitionSummary>>> ListAsync(DefinitionStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<Results<Created<DefinitionDto>, Ok<DefinitionDto>, NotFoundProblem, ConflictProblem, BadRequestProblem>> CreateAsync(
        [FromBody] JsonNode? body, DefinitionStore store, CancellationToken cancellationToken) =>
        Problems.From(await store.CreateAsync(body, cancellationToken), record => DefinitionDto.From(record, [], null), created => $"/api/workflows/{created.DefinitionId}");

    private static Ok<ValidationReport> Validate([FromBody] JsonNode? body, DefinitionValidator validator)
    {
        var validation = validator.Validate(body);
        return TypedResults.Ok(new ValidationReport(validation.IsValid, validation.Errors));
    }

    private static async Task<Results<Created<PublishOutcome>, Ok<PublishOutcome>, NotFoundProblem, ConflictProblem, BadRequestProblem>> ImportAsync(
        [FromBody] JsonNode? body, DefinitionStore store, SleekSettings settings, CancellationToken cancellationToken)
    {
        var result = await store.ImportAsync(body, "import", cancellationToken);
        if (result.Status == OperationStatus.Created)
        {
            await WriteFileAsync(store, settings, result.Value!, cancellationToken);
        }

        return Problems.From(result, published => $"/api/workflows/{published.DefinitionId}/versions/{published.Version}");
    }

    private static Results<Ok<ConvertedWorkflow>, BadRequestProblem> Convert([FromBody] JsonNode? body, DefinitionValidator validator)
    {
        if (!ElsaExport.Is(body))
        {
            return Problems.Invalid("root.type", "not an Elsa 3 workflow export: its root is not an Elsa.Flowchart (our own files import with POST /api/workflows/import)");
        }

        var conversion = ElsaConverter.Convert(body!.AsObject());
        if (conversion.Definition is null)
        {
            return Problems.Invalid(conversion.Summary(), DefinitionStore.ToErrors(conversion.Errors));
        }

        // The result may still need work (a required input Elsa left empty): the designer shows these errors on the draft.
        var validation = validator.Validate(conversion.Definition);
        return validation.Definition is null
            ? Problems.Invalid("This Elsa 3 workflow export was converted, but the result is not a workflow definition here.", DefinitionStore.ToErrors(validation.Errors))
            : TypedResults.Ok(new ConvertedWorkflow(validation.Definition, conversion.Warnings, validation.Errors));
    }

    private static async Task<Results<Ok<DefinitionDto>, NotFoundProblem>> GetAsync(string definitionId, DefinitionStore store, DefinitionValidator validator, CancellationToken cancellationToken)
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

    private static async Task<Results<Ok<IEnumerable<VersionDto>>, NotFoundProblem>> VersionsAsync(string definitionId, DefinitionStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(definitionId, cancellationToken) is null)
        {
            return Problems.NotFound($"workflow '{definitionId}' does not exist");
        }

        var versions = await store.VersionsAsync(definitionId, cancellationToken);
        return TypedResults.Ok(versions.Select(VersionDto.From));
    }

    private static async Task<Results<StoredJson<WorkflowDefinition>, NotFoundProblem>> GetVersionAsync(string definitionId, int version, DefinitionStore store, CancellationToken cancellationToken)
    {
        var record = await store.GetVersionAsync(definitionId, version, cancellationToken);
        return record is null
            ? Problems.NotFound($"workflow '{definitionId}' has no published version {version}")
            : new StoredJson<WorkflowDefinition>(record.Json);
    }

    private static async Task<Results<Created<DraftSaved>, Ok<DraftSaved>, NotFoundProblem, ConflictProblem, BadRequestProblem>> SaveDraftAsync(
        string definitionId, [FromBody] JsonNode? body, DefinitionStore store, CancellationToken cancellationToken) =>
        Problems.From(
            await store.SaveDraftAsync(definitionId, body, cancellationToken),
            errors => new DraftSaved(definitionId, errors.Count == 0, errors),
            _ => $"/api/workflows/{definitionId}");

    private static async Task<Results<Created<PublishOutcome>, Ok<PublishOutcome>, NotFoundProblem, ConflictProblem, BadRequestProblem>> PublishAsync(
        string definitionId, DefinitionStore store, SleekSettings settings, CancellationToken cancellationToken)
    {
        var result = await store.PublishDraftAsync(definitionId, cancellationToken);
        if (result.Status == OperationStatus.Created)
        {
            await WriteFileAsync(store, settings, result.Value!, cancellationToken);
        }

        return Problems.From(result, published => $"/api/workflows/{definitionId}/versions/{published.Version}");
    }

    private static async Task<Results<StoredJson<WorkflowDefinition>, NotFoundProblem>> ExportAsync(string definitionId, int? version, DefinitionStore store, CancellationToken cancellationToken)
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

        return new StoredJson<WorkflowDefinition>(published.Json, $"{definitionId}-v{number}.json");
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
}
