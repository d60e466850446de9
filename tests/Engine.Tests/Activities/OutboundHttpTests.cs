using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Sleek.Workflows.Engine.Outbound;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.TestSupport;

namespace Sleek.Workflows.Engine.Tests.Activities;

/// <summary>
/// HttpRequest may not be turned against the host or its network (issue 13: it reached the host's own endpoints on
/// 127.0.0.1 and the metadata address 169.254.169.254, told open ports from closed ones, and a 300 MB answer ran the
/// host out of memory). Real listeners on loopback addresses tell whether a connection was made.
/// </summary>
public sealed class OutboundHttpTests : IAsyncLifetime
{
    private static readonly IPAddress Second = IPAddress.Parse("127.0.0.2");
    private readonly TinyHttpServer _server = new(_ => (200, """{"secret": "of the host"}"""));
    private readonly TinyHttpServer _other = new(_ => (200, """{"secret": "of the network"}"""), Second);
    private readonly RefusalCounter _refusals = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _refusals.Dispose();
        await _server.DisposeAsync();
        await _other.DisposeAsync();
    }

    private static TestEngine Engine(string[] hosts, string[]? networks = null, long maxResponseBytes = 2 * 1024 * 1024) => new(http: new OutboundHttpOptions
    {
        AllowedHosts = [.. hosts],
        AllowedNetworks = [.. networks ?? []],
        MaxResponseBytes = maxResponseBytes,
        ConnectTimeout = TimeSpan.FromSeconds(1),
    });

    /// <summary>start → call (the url; with <paramref name="retries"/>, up to three tries) → Success: ok / Failure: failed.</summary>
    private static Flow Call(string url, bool retries = false)
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("call", "HttpRequest", new { url, timeoutSeconds = 30 })
            .Add("ok", "Log", new { message = "ok" })
            .Add("failed", "Log", new { message = "failed" })
            .Chain("start", "call")
            .Connect("call:Success", "ok")
            .Connect("call:Failure", "failed");
        return retries ? flow.Retry("call", new { maxAttempts = 3, initialDelay = "PT1S" }) : flow;
    }

    private static async Task<string> FaultOf(TestEngine engine, string url)
    {
        var (_, result) = await engine.StartAsync(Call(url));
        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        return result.Incident!.Error;
    }

    [Fact]
    public async Task Listener_on_127_0_0_1_is_not_reached_when_only_its_name_is_allowed_and_is_reached_when_its_address_is()
    {
        var refused = await FaultOf(Engine(["127.0.0.1"]), _server.BaseUrl + "/secret");

        Assert.EndsWith($"GET {_server.BaseUrl}/secret failed: could not connect to 127.0.0.1:{_server.Port}", refused);
        Assert.Equal(0, _server.Connections);
        Assert.Contains(("address", "loopback"), _refusals.Seen);

        var (run, allowed) = await Engine(["127.0.0.1"], ["127.0.0.1"]).StartAsync(Call(_server.BaseUrl + "/secret"));

        TestEngine.AssertStatus(WorkflowStatus.Completed, allowed);
        Assert.Equal("of the host", run.State.Outputs["call"]!["body"]!["secret"]!.GetValue<string>());
        Assert.Equal(1, _server.Connections);
    }

    [Fact]
    public async Task Listener_on_another_loopback_address_is_reached_only_when_a_network_containing_it_is_allowed()
    {
        var couldNotConnect = $"GET {_other.BaseUrl}/ failed: could not connect to 127.0.0.2:{_other.Port}";
        Assert.EndsWith(couldNotConnect, await FaultOf(Engine(["127.0.0.2"], ["127.0.0.1"]), _other.BaseUrl + "/"));
        Assert.EndsWith(couldNotConnect, await FaultOf(Engine(["*"]), _other.BaseUrl + "/"));
        Assert.Equal(0, _other.Connections);

        var (_, allowed) = await Engine(["127.0.0.2"], ["127.0.0.0/30"]).StartAsync(Call(_other.BaseUrl + "/"));

        TestEngine.AssertStatus(WorkflowStatus.Completed, allowed);
        Assert.Equal(1, _other.Connections);
    }

    [Fact]
    public async Task Metadata_address_is_refused_before_any_connection_even_when_every_host_is_allowed()
    {
        var error = await FaultOf(Engine(["*"]), "http://169.254.169.254/latest/meta-data/iam/security-credentials/");

        Assert.EndsWith("GET http://169.254.169.254/latest/meta-data/iam/security-credentials/ failed: could not connect to 169.254.169.254:80", error);
        // Counted by the refusal before the socket is even made; a connection attempt would not be counted.
        Assert.Contains(("address", "link-local (cloud metadata)"), _refusals.Seen);
    }

    [Fact]
    public async Task Name_that_resolves_to_loopback_is_refused_after_resolution_and_the_listener_sees_nothing()
    {
        var url = $"http://localhost:{_server.Port}/secret";

        var error = await FaultOf(Engine(["localhost"]), url);

        Assert.EndsWith($"GET {url} failed: could not connect to localhost:{_server.Port}", error);
        Assert.Equal(0, _server.Connections);
        Assert.Contains(("address", "loopback"), _refusals.Seen);
    }

    [Fact]
    public async Task Host_not_on_the_allow_list_is_refused_at_once_naming_the_setting_and_not_retried()
    {
        foreach (var engine in new[] { Engine([]), Engine(["partner.example", "*.partner.example"], ["127.0.0.1"]) })
        {
            var (_, result) = await engine.StartAsync(Call(_server.BaseUrl + "/secret", retries: true));

            TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
            Assert.Empty(result.ScheduledRetries);
            Assert.Contains($"GET {_server.BaseUrl}/secret refused: host '127.0.0.1' is not allowed; ops list the hosts workflows may call in Http__AllowedHosts", result.Incident!.Error);
        }

        Assert.Equal(0, _server.Connections);
        Assert.Contains(("host", ""), _refusals.Seen);
    }

    [Fact]
    public async Task Closed_port_silent_address_and_refused_address_fail_with_the_same_words()
    {
        var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        // Closed port; an address nothing answers on (or that is unreachable); an address the policy refuses.
        var closedPort = await FaultOf(Engine(["*"], ["127.0.0.1"]), $"http://127.0.0.1:{port}/x");
        var silent = await FaultOf(Engine(["*"], ["10.255.255.1"]), $"http://10.255.255.1:{port}/x");
        var refused = await FaultOf(Engine(["*"]), $"http://10.255.255.1:{port}/x");

        Assert.Equal(closedPort.Replace("127.0.0.1", "10.255.255.1", StringComparison.Ordinal), silent);
        Assert.Equal(silent, refused);
        Assert.EndsWith($"failed: could not connect to 10.255.255.1:{port}", refused);
    }

    [Fact]
    public async Task Answer_streaming_past_the_cap_is_cut_off_and_faults_naming_the_cap()
    {
        await using var endless = new RawHttpServer();
        var engine = Engine(["127.0.0.1"], ["127.0.0.1"], maxResponseBytes: 64 * 1024);

        var streamed = await FaultOf(engine, endless.BaseUrl + "/endless");
        var declared = await FaultOf(engine, endless.BaseUrl + "/huge");

        Assert.EndsWith($"GET {endless.BaseUrl}/endless answered 200 with a body larger than 65536 bytes (Http__MaxResponseBytes); it was not read further", streamed);
        Assert.EndsWith($"GET {endless.BaseUrl}/huge answered 200 with a body larger than 65536 bytes (Http__MaxResponseBytes); it was not read further", declared);
        Assert.Contains(("size", ""), _refusals.Seen);
        await Eventually.UntilAsync(() => Task.FromResult(endless.Closed), closed => closed == 2, "the client to hang up on both answers");
    }

    [Fact]
    public async Task Redirect_is_not_followed_it_is_the_answer()
    {
        await using var server = new RawHttpServer();

        var (run, result) = await Engine(["127.0.0.1"], ["127.0.0.1"]).StartAsync(Call(server.BaseUrl + "/redirect"));

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal("Failure", result.Journal.Single(j => j.ActivityId == "call").Ports);
        Assert.Equal(302, run.State.Outputs["call"]!["statusCode"]!.GetValue<int>());
        Assert.Equal(["/redirect"], server.Paths);
    }

    [Fact]
    public void Malformed_entries_stop_start_up_naming_them()
    {
        var host = Assert.Throws<InvalidOperationException>(() => new OutboundPolicy(new OutboundHttpOptions { AllowedHosts = ["partner.example", "http://x/"] }));
        var network = Assert.Throws<InvalidOperationException>(() => new OutboundPolicy(new OutboundHttpOptions { AllowedNetworks = ["10.0.0.0/33"] }));

        Assert.Equal("Http:AllowedHosts: 'http://x/' is not a host name, '*.domain', '*' or an IP address", host.Message);
        Assert.Equal("Http:AllowedNetworks: '10.0.0.0/33' is not an IP address or a network such as 10.1.0.0/16", network.Message);
    }

    [Theory]
    [InlineData("api.partner.example", true)]
    [InlineData("API.Partner.Example.", true)]
    [InlineData("eu.partner.example", true)]
    [InlineData("partner.example", false)]
    [InlineData("partner.example.evil", false)]
    [InlineData("evilpartner.example", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("[2606:4700::1111]", true)]
    [InlineData("93.184.216.35", false)]
    public void Hosts_match_by_name_by_domain_or_by_address(string host, bool allowed)
    {
        var policy = new OutboundPolicy(new OutboundHttpOptions { AllowedHosts = ["api.partner.example", "*.partner.example", "93.184.216.34", "2606:4700::1111"] });

        Assert.Equal(allowed, policy.AllowsHost(host));
    }

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.9.9.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("fd00:ec2::254", "private")]
    [InlineData("100.100.100.200", "shared (CGNAT)")]
    [InlineData("169.254.169.254", "link-local (cloud metadata)")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local (cloud metadata)")]
    [InlineData("2002:a9fe:a9fe::1", "link-local (cloud metadata)")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("93.184.216.34", null)]
    [InlineData("172.32.0.1", null)]
    [InlineData("2606:4700::1111", null)]
    public void Addresses_that_are_not_public_are_refused_unless_their_network_is_allowed(string address, string? kind)
    {
        var strict = new OutboundPolicy(new OutboundHttpOptions());
        var open = new OutboundPolicy(new OutboundHttpOptions { AllowedNetworks = ["0.0.0.0/0", "::/0"] });

        Assert.Equal(kind, strict.RefusalOf(IPAddress.Parse(address)));
        Assert.True(open.AllowsAddress(IPAddress.Parse(address)));
    }

    /// <summary>The outbound refusals the engine counts while the test runs, as (reason, range).</summary>
    private sealed class RefusalCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string, string)> _seen = new();

        public RefusalCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == EngineTelemetry.Name && instrument.Name == EngineTelemetry.OutboundRefusalsMetric)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                var (reason, range) = ("", "");
                foreach (var tag in tags)
                {
                    reason = tag.Key == "reason" ? tag.Value as string ?? "" : reason;
                    range = tag.Key == "range" ? tag.Value as string ?? "" : range;
                }

                _seen.Enqueue((reason, range));
            });
            _listener.Start();
        }

        public IReadOnlyList<(string Reason, string Range)> Seen => [.. _seen];

        public void Dispose() => _listener.Dispose();
    }
}
