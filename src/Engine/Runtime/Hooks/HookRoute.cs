using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Sleek.Workflows.Engine.Definitions;

namespace Sleek.Workflows.Engine.Runtime.Hooks;

/// <summary>Who may call a hook route.</summary>
public enum HookAuth
{
    /// <summary>An API key with <see cref="HookRoute.Scope"/>.</summary>
    ApiKey,

    /// <summary>A signed-in user with <see cref="HookRoute.Role"/>.</summary>
    Role,

    /// <summary>Anyone, rate limited per address; only when the definition says <c>"auth": "public"</c>.</summary>
    Public,
}

/// <summary>
/// One <c>HttpEndpoint</c> of a published workflow version: served at <c>/api/hooks/{Path}</c> for <see cref="Methods"/>.
/// A trigger (the activity right after Start) starts an instance per request; any other waits, and a request with the
/// instance's correlation key (header <c>X-Correlation-Id</c> or query <c>correlationId</c>) resumes it.
/// </summary>
public sealed record HookRoute(
    string DefinitionId,
    int Version,
    string ActivityId,
    string Path,
    IReadOnlyList<string> Methods,
    HookAuth Auth,
    string? Scope,
    string? Role,
    bool IsTrigger,
    JsonSchema? Schema)
{
    /// <summary>The scope an API key needs when the definition names none.</summary>
    public const string DefaultScope = "hooks:call";

    /// <summary>The bookmark a waiting (non-trigger) HttpEndpoint waits on.</summary>
    public string BookmarkName => BookmarkNameOf(Path);

    /// <summary>The bookmark name of a waiting HttpEndpoint on <paramref name="path"/>.</summary>
    public static string BookmarkNameOf(string path) => $"{BookmarkPrefix}{path}";

    /// <summary>Bookmarks named so are resumed by hook requests only (the resume gate refuses other callers).</summary>
    public const string BookmarkPrefix = "HttpEndpoint:";

    /// <summary>The methods a route may take.</summary>
    public static readonly IReadOnlyList<string> AllowedMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    // Lower-case segments of letters, digits, '-' and '_', separated by single '/': no '.', '..', '//', '%', '?', '#', '\'.
    private static readonly Regex PathPattern = new("^[a-z0-9][a-z0-9_-]{0,63}(/[a-z0-9][a-z0-9_-]{0,63}){0,7}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <summary>Problems with a route's path, or null when it is fine.</summary>
    public static string? PathProblem(string? path) =>
        string.IsNullOrEmpty(path) ? "give the path under /api/hooks/, e.g. orders/intake"
        : path.Length > 150 ? "a hook path has at most 150 characters"
        : !PathPattern.IsMatch(path) ? $"'{path}' is not a hook path: lower-case segments of letters, digits, '-' and '_' separated by '/', e.g. orders/intake (no '.', '..', '//', '%', query or leading '/')"
        : null;

    /// <summary>What is wrong with a request body for this route's schema, keyed by field (<c>body.qty</c>); empty when it fits.</summary>
    public Dictionary<string, string[]> BodyProblems(JsonNode? body)
    {
        if (Schema is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(body?.ToJsonString() ?? "null");
        var evaluation = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (evaluation.IsValid)
        {
            return [];
        }

        var problems = (evaluation.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.SelectMany(e => FieldsOf(d.InstanceLocation.ToString(), e.Key, e.Value).Select(f => (Field: f, e.Value))))
            .GroupBy(p => p.Field)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Value).Distinct().ToArray());
        return problems.Count > 0 ? problems : new() { ["body"] = ["does not match the hook's schema"] };
    }

    /// <summary>The routes of a definition's HttpEndpoint activities (those whose inputs are literals, as validation demands).</summary>
    public static IReadOnlyList<HookRoute> Of(WorkflowDefinition definition)
    {
        var starts = definition.Root.Activities.Where(a => a.Type == "Start").Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var triggers = definition.Root.Connections.Where(c => starts.Contains(c.Source.Activity)).Select(c => c.Target.Activity).ToHashSet(StringComparer.Ordinal);
        var routes = new List<HookRoute>();
        foreach (var node in definition.Root.Activities.Where(a => a.Type == "HttpEndpoint"))
        {
            var path = Text(node.Inputs, "path");
            if (path is null || PathProblem(path) is not null)
            {
                continue;
            }

            routes.Add(new HookRoute(
                definition.DefinitionId,
                definition.Version,
                node.Id,
                path,
                MethodsOf(node.Inputs),
                AuthOf(Text(node.Inputs, "auth")) ?? HookAuth.ApiKey,
                Text(node.Inputs, "scope") ?? DefaultScope,
                Text(node.Inputs, "role"),
                triggers.Contains(node.Id),
                SchemaOf(node.Inputs.GetValueOrDefault("schema"), out _)));
        }

        return routes;
    }

    /// <summary>The methods an HttpEndpoint's inputs list (POST when none).</summary>
    public static IReadOnlyList<string> MethodsOf(IReadOnlyDictionary<string, JsonNode?> inputs) =>
        inputs.GetValueOrDefault("methods") is JsonArray list && list.Count > 0
            ? [.. list.Select(m => m is JsonValue v && v.TryGetValue<string>(out var s) ? s.ToUpperInvariant() : "")]
            : ["POST"];

    /// <summary>An auth mode by its name in a definition (<c>apiKey</c>, <c>role</c>, <c>public</c>); null when unknown.</summary>
    public static HookAuth? AuthOf(string? name) => name switch
    {
        null or "apiKey" => HookAuth.ApiKey,
        "role" => HookAuth.Role,
        "public" => HookAuth.Public,
        _ => null,
    };

    /// <summary>The schema an HttpEndpoint's <c>schema</c> input holds (null when none or unreadable, with the reason).</summary>
    public static JsonSchema? SchemaOf(JsonNode? node, out string? problem)
    {
        problem = null;
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject)
        {
            problem = "the schema must be a JSON Schema object";
            return null;
        }

        try
        {
            return JsonSchema.FromText(node.ToJsonString());
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            problem = $"not a JSON Schema: {ex.Message}";
            return null;
        }
    }

    private static string? Text(IReadOnlyDictionary<string, JsonNode?> inputs, string name) =>
        inputs.GetValueOrDefault(name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The fields an error names: a missing required property is named itself, not its parent object.</summary>
    private static IEnumerable<string> FieldsOf(string pointer, string keyword, string message)
    {
        var field = FieldOf(pointer);
        if (keyword != "required")
        {
            return [field];
        }

        var missing = Regex.Matches(message, "\"([^\"]+)\"", RegexOptions.None, TimeSpan.FromMilliseconds(100)).Select(m => $"{field}.{m.Groups[1].Value}").ToList();
        return missing.Count > 0 ? missing : [field];
    }

    /// <summary>A JSON pointer into the body (<c>/lines/0/qty</c>) as a field name (<c>body.lines[0].qty</c>).</summary>
    private static string FieldOf(string pointer)
    {
        var field = "body";
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            field += int.TryParse(segment, out var index) ? $"[{index}]" : $".{segment}";
        }

        return field;
    }
}
