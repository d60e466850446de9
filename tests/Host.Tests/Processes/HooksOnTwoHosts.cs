using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Xunit.Sdk;

namespace Sleek.Workflows.Host.Tests.Processes;

/// <summary>
/// Hook routes on two host processes sharing one PostgreSQL database (issue 16 part 2): a workflow published through host
/// A is served by host B from its next request, with no restart and no notification; a clashing publish on B is refused
/// naming both workflows.
/// </summary>
public sealed class HooksOnTwoHosts(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly List<HostProcess> _hosts = [];
    private readonly WorkflowsFolder _folder = new();

    [Fact]
    public async Task A_route_published_on_one_host_is_served_by_the_other_at_once()
    {
        // One after the other: the first migrates the fresh database under the start-up lock.
        var a = StartHost("A");
        HostProcess? b = null;
        try
        {
            await a.WaitUntilReadyAsync();
            b = StartHost("B");
            await b.WaitUntilReadyAsync();
            using var keyResponse = await a.Client.PostAsJsonAsync("/api/api-keys", new { name = "two-hosts", scopes = new[] { "hooks:call" } });
            var key = (await SleekApi.ExpectAsync(keyResponse, HttpStatusCode.Created))["key"]!.GetValue<string>();
            using var caller = new HttpClient { BaseAddress = b.BaseAddress };
            caller.DefaultRequestHeaders.Add("X-Api-Key", key);

            // B serves nothing at the path yet (and reads the table once, so a stale copy would show below).
            Assert.Equal(HttpStatusCode.NotFound, (await caller.PostAsJsonAsync("/api/hooks/two/hosts", new { n = 1 })).StatusCode);

            using (var published = await a.Client.PostAsJsonAsync("/api/workflows/import", Definition("two-hosts-one")))
            {
                await SleekApi.ExpectAsync(published, HttpStatusCode.Created);
            }

            using var answered = await caller.PostAsJsonAsync("/api/hooks/two/hosts", new { n = 7 });
            var body = await SleekApi.ExpectAsync(answered, HttpStatusCode.OK);
            Assert.Equal(7, body["n"]!.GetValue<int>());

            using var clash = await b.Client.PostAsJsonAsync("/api/workflows/import", Definition("two-hosts-other"));
            var problem = await SleekApi.ExpectProblemAsync(clash, HttpStatusCode.Conflict);
            Assert.Contains("'two-hosts-one'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("'two-hosts-other'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        catch (Exception ex)
        {
            throw new XunitException($"{ex}\n\n{string.Join("\n\n", _hosts.Select(h => h.Describe()))}");
        }
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _folder.Dispose();
    }

    private static JsonObject Definition(string id) => JsonNode.Parse($$"""
        {
          "definitionId": "{{id}}", "version": 1, "name": "Two hosts",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "hook", "type": "HttpEndpoint", "inputs": { "path": "two/hosts" } },
              { "id": "answer", "type": "WriteHttpResponse", "inputs": { "body": { "$js": "({ n: outputs.hook.body.n })" } } }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "hook" } },
              { "source": { "activity": "hook" }, "target": { "activity": "answer" } }
            ]
          }
        }
        """)!.AsObject();

    private HostProcess StartHost(string name)
    {
        var host = HostProcesses.StartSignedIn(name, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Sleek"] = database.ConnectionString,
            ["Sleek__Workers"] = "2",
            ["Sleek__WorkflowsDirectory"] = _folder.Path,
        });
        _hosts.Add(host);
        return host;
    }
}
