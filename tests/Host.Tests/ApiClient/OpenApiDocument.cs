using System.Net;
using System.Text.Json.Nodes;

namespace Sleek.Workflows.Host.Tests.ApiClient;

/// <summary>The host's <c>/openapi/v1.json</c>, and the committed snapshot the C# client is generated from.</summary>
public static class OpenApiDocument
{
    /// <summary>The environment variable that makes <see cref="OpenApiSnapshotTests"/> rewrite the snapshot instead of comparing.</summary>
    public const string UpdateVariable = "SLEEK_UPDATE_OPENAPI_SNAPSHOT";

    /// <summary><c>tests/Host.Tests/ApiClient/openapi.v1.json</c> in the repository (Host.Tests.csproj runs Kiota on it).</summary>
    public static string SnapshotPath => Path.Combine(SourceTree.Root, "tests", "Host.Tests", "ApiClient", "openapi.v1.json");

    /// <summary>The document as the host serves it, without <c>servers</c> (that names the address the request came to).</summary>
    public static async Task<JsonObject> FetchAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        document.Remove("servers");
        return document;
    }

    /// <summary>Every operation: "METHOD /path" and its object.</summary>
    public static IEnumerable<(string Key, JsonObject Operation)> Operations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "get" or "post" or "put" or "patch" or "delete")
                {
                    yield return ($"{method.ToUpperInvariant()} {path}", operation!.AsObject());
                }
            }
        }
    }
}
