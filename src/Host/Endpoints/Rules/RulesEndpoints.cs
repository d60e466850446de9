using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Marketplace.Rules;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.Endpoints.Rules;

/// <summary>
/// Rule sets (RulesEngine JSON): list, read any version, save a new version (compiled first; a bad rule is
/// refused naming the rule and the error), and preview a candidate over recent orders or quotes.
/// The author of a saved version is the signed-in user when there is one, else the <c>X-Author</c>
/// header, else <c>anonymous</c>. A concurrent edit is refused with 409 when the client sends the version
/// it edited as <c>If-Match: "N"</c> (the ETag of GET) or <c>?expectedVersion=N</c>.
/// </summary>
internal static class RulesEndpoints
{
    private const int MaxBodyChars = 1024 * 1024;
    private const int MaxAuthorLength = 100;

    public static void MapRulesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rules").WithTags("Rules").RequireAuthorization(SleekPolicies.Staff);
        group.MapGet("/", ListAsync).WithName("ListRuleSets").WithSummary("Every rule set with its latest version, author, time and rule count.");
        group.MapGet("/{name}", GetAsync).WithName("GetRuleSet").WithSummary("A rule set's latest version (or ?version=N) with its RulesEngine JSON; ETag is the version.");
        group.MapGet("/{name}/versions", VersionsAsync).WithName("ListRuleSetVersions").WithSummary("A rule set's saved versions, newest first.");
        group.MapPut("/{name}", SaveAsync)
            .RequireAuthorization(SleekPolicies.RulesWrite)
            .Accepts<JsonElement>("application/json")
            .WithName("SaveRuleSet")
            .WithSummary("Saves RulesEngine JSON as version N+1 after compiling every expression; a bad rule is refused (400) naming it and the error; If-Match or ?expectedVersion refuses a concurrent edit (409).");
        group.MapPost("/{name}/preview", PreviewAsync)
            .Accepts<JsonElement>("application/json")
            .WithName("PreviewRuleSet")
            .WithSummary("Runs the current and the candidate rules over the last ?limit= (default 50, max 500) orders or quotes; returns the changed records (all with ?all=true) with old and new outcome.");
    }

    private static async Task<Ok<IReadOnlyList<RuleSetSummary>>> ListAsync(RuleSetStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<Results<Ok<RuleSetVersionDto>, NotFoundProblem>> GetAsync(string name, int? version, HttpResponse response, RuleSetStore store, RuleSetCatalog catalog, CancellationToken cancellationToken)
    {
        if (!catalog.IsKnown(name))
        {
            return Unknown(name, catalog);
        }

        var found = await store.GetAsync(name, version, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound(version is null ? $"rule set '{name}' has no saved version" : $"rule set '{name}' has no version {version}");
        }

        response.Headers.ETag = $"\"{found.Version}\"";
        return TypedResults.Ok(RuleSetVersionDto.From(found, withRules: true));
    }

    private static async Task<Results<Ok<IEnumerable<RuleSetVersionDto>>, NotFoundProblem>> VersionsAsync(string name, RuleSetStore store, RuleSetCatalog catalog, CancellationToken cancellationToken) =>
        catalog.IsKnown(name)
            ? TypedResults.Ok((await store.VersionsAsync(name, cancellationToken)).Select(v => RuleSetVersionDto.From(v, withRules: false)))
            : Unknown(name, catalog);

    private static async Task<Results<Created<RuleSetVersionDto>, Ok<RuleSetVersionDto>, NotFoundProblem, ConflictProblem, BadRequestProblem>> SaveAsync(string name, int? expectedVersion, HttpContext http, RuleSetStore store, RuleSetCatalog catalog, CancellationToken cancellationToken)
    {
        if (!catalog.IsKnown(name))
        {
            return Unknown(name, catalog);
        }

        var (json, bodyProblem) = await ReadBodyAsync(http.Request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (http.Request.Headers.IfMatch.Count > 0)
        {
            var tag = http.Request.Headers.IfMatch.ToString().Replace("W/", "", StringComparison.Ordinal).Trim().Trim('"');
            if (!int.TryParse(tag, out var ifMatch) || ifMatch < 0)
            {
                return Problems.Invalid("If-Match", "must be the version being edited, e.g. \"3\" (the ETag of GET /api/rules/{name})");
            }

            expectedVersion = ifMatch;
        }

        var author = http.User.Identity?.IsAuthenticated == true
            ? http.User.Identity.Name ?? http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "user"
            : http.Request.Headers["X-Author"].ToString().Trim();
        if (author.Length > MaxAuthorLength)
        {
            return Problems.Invalid("X-Author", $"must be at most {MaxAuthorLength} characters");
        }

        var result = await store.SaveAsync(name, json!, author.Length == 0 ? "anonymous" : author, null, expectedVersion, cancellationToken);
        if (result.Value is { } saved && result.Status is OperationStatus.Created or OperationStatus.Ok)
        {
            http.Response.Headers.ETag = $"\"{saved.Version}\"";
            var dto = RuleSetVersionDto.From(saved, withRules: false);
            return result.Status == OperationStatus.Created ? TypedResults.Created($"/api/rules/{name}?version={saved.Version}", dto) : TypedResults.Ok(dto);
        }

        return result.Status == OperationStatus.Conflict
            ? Problems.Conflict(result.Message!, result.Value is null ? null : RuleSetVersionDto.From(result.Value, withRules: false))
            : Problems.Invalid(result.Message!, result.Errors!);
    }

    private static async Task<Results<Ok<RulesPreviewResult>, NotFoundProblem, ConflictProblem, BadRequestProblem>> PreviewAsync(
        string name, int? limit, bool? all, HttpRequest request, RulesPreview preview, RuleSetCatalog catalog, CancellationToken cancellationToken)
    {
        if (!catalog.IsKnown(name))
        {
            return Unknown(name, catalog);
        }

        if (limit is < 1 or > RulesPreview.MaxLimit)
        {
            return Problems.Invalid("limit", $"must be between 1 and {RulesPreview.MaxLimit}");
        }

        var (json, bodyProblem) = await ReadBodyAsync(request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var candidate = catalog.Parse(name, json!);
        if (!candidate.IsValid)
        {
            return Problems.Invalid($"the candidate rules do not compile: {string.Join("; ", candidate.Problems)}", RuleProblem.ByField(candidate.Problems));
        }

        try
        {
            return TypedResults.Ok(await preview.PreviewAsync(candidate, limit ?? RulesPreview.DefaultLimit, all == true, cancellationToken));
        }
        catch (UnknownRuleSetException)
        {
            return Problems.NotFound($"rule set '{name}' has no saved version to compare the candidate with");
        }
        catch (InvalidRuleSetException e)
        {
            return Problems.Conflict($"the saved version does not compile, so there is nothing to compare with: {e.Message}");
        }
    }

    /// <summary>The raw body (RulesEngine JSON), or a problem naming <c>body</c>.</summary>
    private static async Task<(string? Json, BadRequestProblem? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyChars * 4L)
        {
            return (null, Problems.Invalid("body", $"is larger than {MaxBodyChars} characters"));
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxBodyChars + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (read > MaxBodyChars)
        {
            return (null, Problems.Invalid("body", $"is larger than {MaxBodyChars} characters"));
        }

        var json = new string(buffer, 0, read);
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, Problems.Invalid("body", "is required: the rule set's RulesEngine JSON (an array of workflows)"));
        }

        try
        {
            using var _ = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, Problems.Invalid("body", $"is not JSON: {e.Message}"));
        }

        return (json, null);
    }

    private static NotFoundProblem Unknown(string name, RuleSetCatalog catalog) =>
        Problems.NotFound(new UnknownRuleSetException(name, catalog.Shapes.Select(s => s.Name)).Message);
}
