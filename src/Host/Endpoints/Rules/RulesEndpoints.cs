using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Marketplace.Rules;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.Endpoints.Rules;

/// <summary>
/// Rule sets (RulesEngine JSON): list, create (any name, one of the input kinds), rename, retire, read any version, save a
/// new version (compiled first; a bad rule is refused naming the rule and the error), and preview a candidate over recent
/// orders or quotes.
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
        group.MapPost("/", CreateAsync)
            .RequireAuthorization(SleekPolicies.RulesWrite)
            .Accepts<JsonElement>("application/json")
            .WithName("CreateRuleSet")
            .WithSummary("Creates a rule set named ?name= taking input kind ?input= (supplier, urgency, automation, supplier-score) with the body (RulesEngine JSON, as a RulesEngine file is written) as version 1; a bad rule is refused (400) naming it.");
        group.MapPost("/{name}/rename", RenameAsync)
            .RequireAuthorization(SleekPolicies.RulesWrite)
            .WithName("RenameRuleSet")
            .WithSummary("Renames a rule set rule authors created; its versions move with it. Built-in rule sets are refused (409).");
        group.MapPost("/{name}/retire", RetireAsync)
            .RequireAuthorization(SleekPolicies.RulesWrite)
            .WithName("RetireRuleSet")
            .WithSummary("Retires a rule set rule authors created: its versions stay readable; it evaluates nothing and takes no new version. Built-in rule sets are refused (409).");
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
        if (await store.FindAsync(name, cancellationToken) is null)
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
        await store.FindAsync(name, cancellationToken) is not null
            ? TypedResults.Ok((await store.VersionsAsync(name, cancellationToken)).Select(v => RuleSetVersionDto.From(v, withRules: false)))
            : Unknown(name, catalog);

    private static async Task<Results<Created<RuleSetVersionDto>, Ok<RuleSetVersionDto>, NotFoundProblem, ConflictProblem, BadRequestProblem>> SaveAsync(string name, int? expectedVersion, HttpContext http, RuleSetStore store, RuleSetCatalog catalog, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(name, cancellationToken) is null)
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

        if (AuthorOf(http) is not { } author)
        {
            return Problems.Invalid("X-Author", $"must be at most {MaxAuthorLength} characters");
        }

        var result = await store.SaveAsync(name, json!, author, null, expectedVersion, cancellationToken);
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
        string name, int? limit, bool? all, HttpRequest request, RulesPreview preview, RuleSetStore store, RuleSetCatalog catalog, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(name, cancellationToken) is not { } info)
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

        var candidate = RuleSetFile.Parse(catalog.Get(name, info.Input, info.Description), json!);
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
        catch (RetiredRuleSetException e)
        {
            return Problems.Conflict(e.Message);
        }
    }

    private static async Task<Results<Created<RuleSetVersionDto>, ConflictProblem, BadRequestProblem>> CreateAsync(
        string? name, string? input, string? description, HttpContext http, RuleSetStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Problems.Invalid("name", "is required: the new rule set's name, e.g. ?name=rush-orders");
        }

        if (string.IsNullOrWhiteSpace(input))
        {
            return Problems.Invalid("input", $"is required: what the rules read (input1), one of {string.Join(", ", RuleSetCatalog.InputKinds.Keys)}");
        }

        var (json, bodyProblem) = await ReadBodyAsync(http.Request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (AuthorOf(http) is not { } author)
        {
            return Problems.Invalid("X-Author", $"must be at most {MaxAuthorLength} characters");
        }

        var result = await store.CreateAsync(name, input, description, json!, author, cancellationToken);
        if (result is { Status: OperationStatus.Created, Value: { } created })
        {
            http.Response.Headers.ETag = $"\"{created.Version}\"";
            return TypedResults.Created($"/api/rules/{name}", RuleSetVersionDto.From(created, withRules: false));
        }

        return result.Status == OperationStatus.Conflict ? Problems.Conflict(result.Message!) : Problems.Invalid(result.Message!, result.Errors!);
    }

    private static async Task<Results<Ok<RuleSetInfo>, NotFoundProblem, ConflictProblem, BadRequestProblem>> RenameAsync(
        string name, RenameRuleSetRequest? body, RuleSetStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body?.Name))
        {
            return Problems.Invalid("name", "is required: the rule set's new name");
        }

        return Problems.From(await store.RenameAsync(name, body.Name, cancellationToken));
    }

    private static async Task<Results<Ok<RuleSetInfo>, NotFoundProblem, ConflictProblem, BadRequestProblem>> RetireAsync(
        string name, RuleSetStore store, CancellationToken cancellationToken) =>
        Problems.From(await store.RetireAsync(name, cancellationToken));

    /// <summary>The signed-in user, else the X-Author header, else <c>anonymous</c>; null when the header is too long.</summary>
    private static string? AuthorOf(HttpContext http)
    {
        var author = http.User.Identity?.IsAuthenticated == true
            ? http.User.Identity.Name ?? http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "user"
            : http.Request.Headers["X-Author"].ToString().Trim();
        return author.Length > MaxAuthorLength ? null : author.Length == 0 ? "anonymous" : author;
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
