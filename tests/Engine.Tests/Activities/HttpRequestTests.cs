using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Engine.Outbound;
using Sleek.Workflows.Engine.Runtime;
using static Sleek.Workflows.Engine.Tests.Flow;

namespace Sleek.Workflows.Engine.Tests.Activities;

/// <summary>HttpRequest against a real HTTP server on 127.0.0.1.</summary>
public sealed class HttpRequestTests : IAsyncLifetime
{
    // The test server is on 127.0.0.1: allowed by name and by address, as a deployment would allow a partner.
    private readonly TestEngine _engine = new(http: new OutboundHttpOptions
    {
        AllowedHosts = ["127.0.0.1"],
        AllowedNetworks = ["127.0.0.1"],
        ConnectTimeout = TimeSpan.FromSeconds(1),
    });
    private readonly TinyHttpServer _server = new(request => request.Path switch
    {
        "/quotes" => (200, """{"quoteId": "Q-9", "price": 12.5}"""),
        "/broken" => (500, """{"error": "database down"}"""),
        "/text" => (503, "try later"),
        _ => null,
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Flow Call(object inputs) => new Flow()
        .Add("start", "Start")
        .Add("call", "HttpRequest", inputs)
        .Add("ok", "Log", new { message = Template("ok {{ outputs.call.statusCode }}") })
        .Add("failed", "Log", new { message = Template("failed {{ outputs.call.statusCode }}") })
        .Chain("start", "call")
        .Connect("call:Success", "ok")
        .Connect("call:Failure", "failed");

    [Fact]
    public async Task HttpRequest_with_a_2xx_answer_continues_through_Success_with_status_and_parsed_body()
    {
        var flow = Call(new
        {
            url = Template(_server.BaseUrl + "/quotes"),
            method = "POST",
            headers = new Dictionary<string, string> { ["X-Request-Id"] = "r-1" },
            body = new { qty = Js("input.qty") },
        });

        var (run, result) = await _engine.StartAsync(flow, new { qty = 300 });

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal("Success", result.Journal.Single(j => j.ActivityId == "call").Ports);
        var output = run.State.Outputs["call"]!;
        Assert.Equal(200, output["statusCode"]!.GetValue<int>());
        Assert.Equal("Q-9", output["body"]!["quoteId"]!.GetValue<string>());
        Assert.Equal(12.5, output["body"]!["price"]!.GetValue<double>());
        Assert.Equal("ok 200", run.State.Outputs["ok"]!.GetValue<string>());
        var received = Assert.Single(_server.Received);
        Assert.Equal(("POST", "/quotes"), (received.Method, received.Path));

        // A nested expression in a literal object is not evaluated: only a whole input is an expression.
        Assert.Equal("input.qty", JsonNode.Parse(received.Body)!["qty"]!["$js"]!.GetValue<string>());
    }

    [Fact]
    public async Task HttpRequest_with_an_error_status_continues_through_Failure_with_status_and_body()
    {
        var (run, result) = await _engine.StartAsync(Call(new { url = _server.BaseUrl + "/broken" }));

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal("Failure", result.Journal.Single(j => j.ActivityId == "call").Ports);
        Assert.Equal(500, run.State.Outputs["call"]!["statusCode"]!.GetValue<int>());
        Assert.Equal("database down", run.State.Outputs["call"]!["body"]!["error"]!.GetValue<string>());
        Assert.Equal("failed 500", run.State.Outputs["failed"]!.GetValue<string>());
        Assert.Equal("GET", Assert.Single(_server.Received).Method);
    }

    [Fact]
    public async Task HttpRequest_keeps_a_body_that_is_not_JSON_as_text()
    {
        var (run, _) = await _engine.StartAsync(Call(new { url = _server.BaseUrl + "/text" }));

        Assert.Equal(503, run.State.Outputs["call"]!["statusCode"]!.GetValue<int>());
        Assert.Equal("try later", run.State.Outputs["call"]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task HttpRequest_to_a_server_that_never_answers_faults_after_the_timeout()
    {
        var (_, result) = await _engine.StartAsync(Call(new { url = _server.BaseUrl + "/hang", timeoutSeconds = 1 }));

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Equal("call", result.Incident!.ActivityId);
        Assert.Contains($"GET {_server.BaseUrl}/hang did not answer within 1 s", result.Incident.Error);
        Assert.Single(_server.Received);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://127.0.0.1/file")]
    public async Task HttpRequest_to_an_invalid_url_faults_without_calling_anything(string url)
    {
        var (_, result) = await _engine.StartAsync(Call(new { url }));

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Contains($"url '{url}' is not an absolute http(s) URL", result.Incident!.Error);
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task HttpRequest_to_a_closed_port_faults_with_the_network_error()
    {
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var (_, result) = await _engine.StartAsync(Call(new { url = $"http://127.0.0.1:{port}/x", timeoutSeconds = 5 }));

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.EndsWith($"GET http://127.0.0.1:{port}/x failed: could not connect to 127.0.0.1:{port}", result.Incident!.Error);
    }

    [Fact]
    public void Engine_registers_the_HttpRequest_client_without_a_timeout_of_its_own()
    {
        // The activity enforces timeoutSeconds (1–300); HttpClient's default 100 s would end longer waits early.
        using var services = new ServiceCollection().AddSleekEngine(o => o.RunWorkers = false).BuildServiceProvider();

        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpRequest.ClientName);

        Assert.Equal(Timeout.InfiniteTimeSpan, client.Timeout);
    }
}
