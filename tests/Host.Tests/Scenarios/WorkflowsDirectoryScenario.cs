using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

/// <summary>
/// workflows/ is imported at start-up; a file that would change a published version, names the wrong
/// path, or is invalid stops start-up with a message naming the file. Published versions never change.
/// </summary>
public abstract class WorkflowsDirectoryScenario(TestDatabase database) : HostScenario(database)
{
    [Fact]
    public async Task Changed_file_of_a_published_version_stops_start_up_and_the_stored_version_stays()
    {
        var folder = NewFolder().With(TestDefinitions.Logging("x", "first words"));
        var first = NewHost(folder);
        var api = new SleekApi(first.CreateClient());
        var published = (await api.GetJsonAsync("/api/workflows/x/versions/1")).ToJsonString();
        var hash = (await api.GetJsonAsync("/api/workflows/x/versions"))[0]!["hash"]!.GetValue<string>();
        await StopAsync(first);

        folder.With(TestDefinitions.Logging("x", "second thoughts"));
        var refused = await StartupFailureAsync(folder);
        Assert.Contains("x/v1.json", refused.Message, StringComparison.Ordinal);
        Assert.Contains("published versions are immutable", refused.Message, StringComparison.Ordinal);

        folder.With(TestDefinitions.Logging("x", "first words"));
        api = StartHost(folder);
        Assert.Equal(published, (await api.GetJsonAsync("/api/workflows/x/versions/1")).ToJsonString());
        var versions = (await api.GetJsonAsync("/api/workflows/x/versions")).AsArray();
        Assert.Equal(hash, Assert.Single(versions)!["hash"]!.GetValue<string>());
        Assert.Equal("first words", (await api.GetJsonAsync("/api/workflows/x/versions/1"))["root"]!["activities"]![1]!["inputs"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task File_whose_content_disagrees_with_its_path_stops_start_up()
    {
        var folder = NewFolder().WithFile("y", 1, TestDefinitions.Logging("z", "hello").ToJsonString());

        var refused = await StartupFailureAsync(folder);

        Assert.Contains("y/v1.json", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'z'", refused.Message, StringComparison.Ordinal);

        var wrongVersion = NewFolder().WithFile("y", 1, TestDefinitions.Logging("y", "hello", version: 2).ToJsonString());
        refused = await StartupFailureAsync(wrongVersion);
        Assert.Contains("y/v1.json", refused.Message, StringComparison.Ordinal);
        Assert.Contains("version 2", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_definition_file_stops_start_up_naming_the_file_and_the_field()
    {
        var broken = TestDefinitions.Logging("broken", "hello");
        broken["root"]!["activities"]![1]!["type"] = "NoSuchActivity";
        var folder = NewFolder().With(broken).WithFile("not-json", 1, "{ this is not json");

        var refused = await StartupFailureAsync(folder);

        Assert.Contains("broken/v1.json", refused.Message, StringComparison.Ordinal);
        Assert.Contains("root.activities[1].type", refused.Message, StringComparison.Ordinal);
        Assert.Contains("not-json/v1.json", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Starts a host that must not start, and returns why.</summary>
    private async Task<WorkflowSyncException> StartupFailureAsync(WorkflowsFolder folder)
    {
        var host = NewHost(folder);
        var error = await Record.ExceptionAsync(() => Task.Run(() => host.CreateClient()));
        Assert.NotNull(error);
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is WorkflowSyncException sync)
            {
                return sync;
            }
        }

        throw new Xunit.Sdk.XunitException($"start-up failed, but not because of the workflows folder: {error}");
    }
}

public sealed class WorkflowsDirectoryOnPostgres(PostgresDatabase database) : WorkflowsDirectoryScenario(database), IClassFixture<PostgresDatabase>;

public sealed class WorkflowsDirectoryOnSqlite(SqliteDatabase database) : WorkflowsDirectoryScenario(database), IClassFixture<SqliteDatabase>;
