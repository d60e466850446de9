using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>The journal is read page by page; an instance shows its first page and says whether more follow.</summary>
public abstract class JournalScenario(TestDatabase database) : HostScenario(database)
{
    [Fact]
    public async Task Long_journal_is_paged_with_a_cursor_and_the_instance_shows_only_its_first_page()
    {
        var api = StartHost(NewFolder().With(TestDefinitions.ManyLogs(60)));
        var id = SleekApi.Id(await api.StartAsync("many-logs"));
        var instance = await api.WaitForStatusAsync(id, "Completed");
        const int rows = 1 + 61 + 60 + 1; // start, the ForEach 60 times Iterate + once Done, the 60 logs, the final log

        Assert.Equal(100, instance["journal"]!.AsArray().Count);
        Assert.True(instance["journalHasMore"]!.GetValue<bool>());

        var pages = new List<JsonNode>();
        long? after = null;
        do
        {
            var page = await api.GetJsonAsync($"/api/instances/{id}/journal?limit=50{(after is null ? "" : $"&after={after}")}");
            pages.Add(page);
            after = page["next"]?.GetValue<long>();
        }
        while (after is not null);

        Assert.Equal([50, 50, 23], pages.Select(p => p["items"]!.AsArray().Count));
        var all = pages.SelectMany(p => p["items"]!.AsArray()).ToList();
        Assert.Equal(rows, all.Count);
        var sequences = all.Select(j => j!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Equal(pages[0]["items"]![49]!["sequence"]!.GetValue<long>(), pages[0]["next"]!.GetValue<long>());
        Assert.Equal(
            instance["journal"]!.AsArray().Select(j => j!["sequence"]!.GetValue<long>()),
            sequences.Take(100));
        Assert.Equal(("start", "done"), (all[0]!["activityId"]!.GetValue<string>(), all[^1]!["activityId"]!.GetValue<string>()));

        var defaultPage = await api.GetJsonAsync($"/api/instances/{id}/journal");
        Assert.Equal(100, defaultPage["items"]!.AsArray().Count);
        var past = await api.GetJsonAsync($"/api/instances/{id}/journal?after={sequences[^1]}");
        Assert.Empty(past["items"]!.AsArray());
        Assert.Null(past["next"]);
    }

    [Fact]
    public async Task Short_journal_fits_in_the_instance_and_bad_paging_parameters_name_the_field()
    {
        var api = StartHost(NewFolder().With(TestDefinitions.Logging("short-log", "hi")));
        var id = SleekApi.Id(await api.StartAsync("short-log"));
        var instance = await api.WaitForStatusAsync(id, "Completed");
        Assert.Equal(2, instance["journal"]!.AsArray().Count);
        Assert.False(instance["journalHasMore"]!.GetValue<bool>());

        foreach (var (query, field) in new[] { ("limit=0", "limit"), ("limit=501", "limit"), ("after=-1", "after") })
        {
            using var response = await api.GetAsync($"/api/instances/{id}/journal?{query}");
            await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
        }

        using var unknown = await api.GetAsync($"/api/instances/{Guid.NewGuid()}/journal");
        await SleekApi.ExpectProblemAsync(unknown, HttpStatusCode.NotFound);
    }
}

public sealed class JournalOnPostgres(PostgresDatabase database) : JournalScenario(database), IClassFixture<PostgresDatabase>;

public sealed class JournalOnSqlite(SqliteDatabase database) : JournalScenario(database), IClassFixture<SqliteDatabase>;
