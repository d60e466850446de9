using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.ApiClient;

/// <summary>
/// The committed <c>openapi.v1.json</c> (what the generated client is built from) is the document the host serves.
/// After a change to the API, refresh it: <c>SLEEK_UPDATE_OPENAPI_SNAPSHOT=1 ./test.sh --filter FullyQualifiedName~OpenApiSnapshot</c>,
/// then review its diff like any contract change and rebuild (Kiota regenerates the client).
/// </summary>
public sealed class OpenApiSnapshotTests(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_committed_snapshot_is_the_document_the_host_serves()
    {
        var api = StartHost(NewFolder());

        var served = await OpenApiDocument.FetchAsync(api.Client);

        if (Environment.GetEnvironmentVariable(OpenApiDocument.UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(OpenApiDocument.SnapshotPath, served.ToJsonString(Indented) + "\n");
            return;
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(OpenApiDocument.SnapshotPath))!;
        var differences = Differences(committed, served, "$").Take(20).ToList();
        Assert.True(
            differences.Count == 0,
            $"{OpenApiDocument.SnapshotPath} is not the host's /openapi/v1.json any more (first differences below). If the API change is meant, refresh it with " +
            $"{OpenApiDocument.UpdateVariable}=1 ./test.sh --filter FullyQualifiedName~OpenApiSnapshot, review its diff and rebuild:\n" + string.Join("\n", differences));
    }

    /// <summary>Where two JSON trees differ, as JSON paths with both values.</summary>
    private static IEnumerable<string> Differences(JsonNode? committed, JsonNode? served, string path)
    {
        switch (committed, served)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    if (!a.ContainsKey(key) || !b.ContainsKey(key))
                    {
                        yield return $"{path}.{key}: {(a.ContainsKey(key) ? "only in the snapshot" : "only in the served document")}";
                        continue;
                    }

                    foreach (var difference in Differences(a[key], b[key], $"{path}.{key}"))
                    {
                        yield return difference;
                    }
                }

                break;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var difference in Differences(a[i], b[i], $"{path}[{i}]"))
                    {
                        yield return difference;
                    }
                }

                break;
            default:
                if (!JsonNode.DeepEquals(committed, served))
                {
                    yield return $"{path}: snapshot {Cut(committed)}, served {Cut(served)}";
                }

                break;
        }
    }

    private static string Cut(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
