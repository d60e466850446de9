using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Host.Tests.Security;

namespace Sleek.Workflows.Host.Tests.ApiClient;

/// <summary>
/// What a client generator needs from <c>/openapi/v1.json</c>: every operation says what it answers (a 2xx schema and
/// its problems), has a name, and says which credentials it takes. Who may call what is <see cref="EndpointAccess"/>'s
/// table (the authorization matrix checks the app against it); here the document is checked against the same table.
/// </summary>
public sealed partial class OpenApiContractTests(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    /// <summary>Operations whose success has no body, with the status they answer instead.</summary>
    private static readonly Dictionary<string, string> WithoutBody = new()
    {
        ["DELETE /api/api-keys/{id}"] = "204",
        ["POST /api/notifications/{id}/read"] = "204",
    };

    [Fact]
    public async Task Every_operation_documents_a_success_schema_its_problems_and_a_name()
    {
        var document = await OpenApiDocument.FetchAsync(StartHost(NewFolder()).Client);
        var operations = OpenApiDocument.Operations(document).ToList();
        var failures = new List<string>();

        foreach (var (key, operation) in operations)
        {
            var responses = operation["responses"]?.AsObject() ?? [];
            if (WithoutBody.TryGetValue(key, out var status))
            {
                if (!responses.ContainsKey(status) || responses[status]?["content"] is not null)
                {
                    failures.Add($"{key}: expected {status} without a body");
                }
            }
            else if (!responses.Any(r => r.Key.StartsWith('2') && r.Value?["content"]?.AsObject().Any(c => c.Value?["schema"] is JsonObject { Count: > 0 }) == true))
            {
                failures.Add($"{key}: no 2xx response with a schema (a generated client would get a stream or 'any')");
            }

            foreach (var (code, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                // Problems are problem details; a failing /health still answers with its report.
                var schema = code[0] == '4' || key != "GET /health" ? response?["content"]?["application/problem+json"]?["schema"] : response?["content"]?["application/json"]?["schema"];
                if (schema is null)
                {
                    failures.Add($"{key}: the {code} response has no schema for its body");
                }
            }

            if (string.IsNullOrEmpty(operation["operationId"]?.GetValue<string>()) || string.IsNullOrEmpty(operation["summary"]?.GetValue<string>()))
            {
                failures.Add($"{key}: no operationId or summary");
            }

            var parameters = operation["parameters"]?.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList() ?? [];
            if (parameters.Contains("pageSize") && !(parameters.Contains("page") && responses.ContainsKey("400")))
            {
                failures.Add($"{key}: paged, but without page or a 400 for bad paging");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} problems in /openapi/v1.json:\n" + string.Join("\n", failures));
        Assert.Equal(operations.Count, operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Operations_that_need_a_caller_name_the_schemes_that_identify_one_and_anonymous_ones_none()
    {
        var document = await OpenApiDocument.FetchAsync(StartHost(NewFolder()).Client);

        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("http", schemes["Bearer"]!["type"]!.GetValue<string>());
        Assert.Equal("bearer", schemes["Bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("apiKey", schemes["ApiKey"]!["type"]!.GetValue<string>());
        Assert.Equal("header", schemes["ApiKey"]!["in"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", schemes["ApiKey"]!["name"]!.GetValue<string>());

        var failures = new List<string>();
        var expected = EndpointAccess.Expected.ToDictionary(e => WithoutConstraints(e.Key), e => e.Value);
        foreach (var (key, operation) in OpenApiDocument.Operations(document))
        {
            if (!expected.TryGetValue(key, out var callers))
            {
                failures.Add($"{key}: not in EndpointAccess");
                continue;
            }

            var requirements = operation["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)).ToHashSet() ?? [];
            var anonymous = callers.Contains(Caller.Anonymous);
            var keys = callers.Contains(Caller.KeyWithScopes);
            var users = callers.Any(c => c is not (Caller.Anonymous or Caller.KeyWithScopes or Caller.KeyWithoutScope or Caller.BuyerKey or Caller.SupplierKey));
            if (anonymous ? requirements.Count > 0 : !requirements.SetEquals(Schemes(users, keys)))
            {
                failures.Add($"{key}: security [{string.Join(", ", requirements)}], expected [{string.Join(", ", anonymous ? [] : Schemes(users, keys))}]");
            }

            var responses = operation["responses"]!.AsObject();
            if (!anonymous && !(responses.ContainsKey("401") && responses.ContainsKey("403")))
            {
                failures.Add($"{key}: needs a caller but documents no 401 and 403");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} operations disagree with EndpointAccess:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Rate_limited_operations_document_their_429()
    {
        var document = await OpenApiDocument.FetchAsync(StartHost(NewFolder()).Client);
        var operations = OpenApiDocument.Operations(document).ToDictionary(o => o.Key, o => o.Operation);

        foreach (var key in new[] { "POST /api/quotes", "POST /api/auth/login", "POST /api/auth/register", "POST /api/auth/bootstrap-admin" })
        {
            Assert.True(operations[key]["responses"]!.AsObject().ContainsKey("429"), $"{key} lacks its 429");
        }
    }

    private static string[] Schemes(bool users, bool keys) => [.. users ? ["Bearer"] : Array.Empty<string>(), .. keys ? ["ApiKey"] : Array.Empty<string>()];

    /// <summary>"GET /api/instances/{id:guid}" and "GET /api/hooks/{**path}" as the document writes them: "{id}", "{path}".</summary>
    private static string WithoutConstraints(string key) => RouteConstraint().Replace(key, "}").Replace("{**", "{", StringComparison.Ordinal);

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex RouteConstraint();
}
