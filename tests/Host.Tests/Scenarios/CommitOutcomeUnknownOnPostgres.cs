using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.TestSupport.Network;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>
/// The one failure a client cannot resolve alone: the connection breaks after PostgreSQL committed a request's burst
/// and before its answer came back (a <see cref="CuttableProxy"/> lets the COMMIT through and keeps the server's reply
/// from the host). The request is answered 503 "outcome unknown" — never a plain 500 — with the Idempotency-Key to
/// repeat it with (the client's, or one made for a request that had none), and the repeat finds what the first run
/// did: the instance it started (no second one), or the resume that went through (409 with the state, no second run).
/// </summary>
public sealed class CommitOutcomeUnknownOnPostgres(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    private const string OutcomeUnknown = "urn:sleek:problem:outcome-unknown";

    [Theory]
    [InlineData("client-key-1")]
    [InlineData(null)]
    public async Task A_start_whose_commit_answer_is_lost_is_outcome_unknown_and_its_repeat_with_the_key_finds_the_one_instance(string? clientKey)
    {
        using var proxy = Proxy();
        var client = ThroughProxy(proxy);
        var correlation = $"unknown-{Guid.NewGuid():N}";
        var body = new { definitionId = "sample-approval", correlationId = correlation, input = new { requestId = "R-1" } };

        var lost = proxy.LoseReplyAfter("INTO journal", "COMMIT");
        using var first = await PostAsync(client, "/api/instances", body, clientKey);
        var problem = await SleekApi.ExpectProblemAsync(first, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(OutcomeUnknown, problem["type"]!.GetValue<string>());
        Assert.NotNull(first.Headers.RetryAfter);
        var key = problem["idempotencyKey"]!.GetValue<string>();
        if (clientKey is not null)
        {
            Assert.Equal(clientKey, key);
        }

        Assert.Contains(key, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await lost.WaitAsync(TimeSpan.FromSeconds(10));
        var committed = await InstancesAsync(correlation);
        Assert.Single(committed); // it was committed: only its answer was lost

        using var repeat = await PostAsync(client, "/api/instances", body, key);
        var instance = await SleekApi.ExpectAsync(repeat, HttpStatusCode.Created);
        Assert.Equal(committed[0], SleekApi.Id(instance));
        Assert.Equal("Suspended", SleekApi.Status(instance));
        Assert.Single(await InstancesAsync(correlation));
    }

    [Fact]
    public async Task A_resume_whose_commit_answer_is_lost_is_outcome_unknown_and_its_repeat_answers_409_with_the_state_it_reached()
    {
        using var proxy = Proxy();
        var client = ThroughProxy(proxy);
        var started = await new SleekApi(client).StartAsync("sample-approval", new { requestId = "R-2" }, $"resume-{Guid.NewGuid():N}");
        var token = SleekApi.SingleBookmark(started)["token"]!.GetValue<string>();
        var path = $"/api/bookmarks/{token}/resume";

        var lost = proxy.LoseReplyAfter("INTO journal", "COMMIT");
        using var first = await PostAsync(client, path, new { outcome = "Approve", comment = "fine" }, "resume-key-1");
        var problem = await SleekApi.ExpectProblemAsync(first, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(OutcomeUnknown, problem["type"]!.GetValue<string>());
        Assert.Equal("resume-key-1", problem["idempotencyKey"]!.GetValue<string>());
        await lost.WaitAsync(TimeSpan.FromSeconds(10));

        using var repeat = await PostAsync(client, path, new { outcome = "Approve", comment = "fine" }, "resume-key-1");
        var conflict = await SleekApi.ExpectProblemAsync(repeat, HttpStatusCode.Conflict);
        Assert.Equal("Completed", conflict["current"]!["status"]!.GetValue<string>());
        Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM journal WHERE instance_id = '{SleekApi.Id(started)}' AND event = 'resumed'"));
    }

    private CuttableProxy Proxy()
    {
        var server = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        return new CuttableProxy(server.Host!, server.Port);
    }

    /// <summary>
    /// A host whose database connections go through the proxy, without prepared statements so the proxy sees each
    /// statement's text (a prepared COMMIT travels by name).
    /// </summary>
    private HttpClient ThroughProxy(CuttableProxy proxy)
    {
        var connection = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, MaxAutoPrepare = 0 }.ConnectionString;
        return NewHost(NewFolder().WithSample("sample-approval"), settings: new Dictionary<string, string> { ["ConnectionStrings:Sleek"] = connection }).CreateClient();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(request);
    }

    private async Task<List<string>> InstancesAsync(string correlationId)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id::text FROM workflow_instances WHERE correlation_id = @c", connection);
        command.Parameters.AddWithValue("c", correlationId);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
