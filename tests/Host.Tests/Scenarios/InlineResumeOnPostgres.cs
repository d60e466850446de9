using System.Net;
using Npgsql;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class InlineResumeOnPostgres(PostgresDatabase database) : InlineResumeScenario(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Resume_while_a_burst_holds_the_instance_is_queued_then_runs_exactly_once()
    {
        var api = StartHost(NewFolder().With(TestDefinitions.WaitForPayment()));
        var started = await api.StartAsync("wait-payment", correlationId: $"order-{Guid.NewGuid():N}");
        var id = SleekApi.Id(started);
        var token = SleekApi.SingleBookmark(started)["token"]!.GetValue<string>();

        // A burst in flight holds the instance's row (as every burst does, FOR UPDATE until its commit).
        await using var burst = new NpgsqlConnection(Database.ConnectionString);
        await burst.OpenAsync();
        var transaction = await burst.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT id FROM workflow_instances WHERE id = '{id}' FOR UPDATE", burst, transaction))
        {
            Assert.NotNull(await lockRow.ExecuteScalarAsync());
        }

        // The resume does not wait for it with the bookmark in hand: it is accepted and queued (bookmark consumed,
        // work item committed), and only its run waits for the row.
        var resume = api.ResumeAsync(token, new { amount = 7 });
        var queued = await Eventually.UntilAsync(
            () => ScalarAsync($"SELECT count(*) FROM work_items w JOIN bookmarks b ON b.id = w.bookmark_id WHERE w.instance_id = '{id}' AND w.kind = 'Resume' AND b.consumed_at IS NOT NULL"),
            n => n == 1, "the resume to be queued while the instance is busy", n => $"{n} queued", TimeSpan.FromSeconds(30));
        Assert.Equal(1, queued);
        Assert.False(resume.IsCompleted);

        // A repeat meanwhile finds the bookmark consumed.
        using (var repeat = await api.ResumeAsync(token, new { amount = 8 }))
        {
            await SleekApi.ExpectProblemAsync(repeat, HttpStatusCode.Conflict);
        }

        await transaction.RollbackAsync();
        using var answer = await resume.WaitAsync(TimeSpan.FromSeconds(60));
        var done = await SleekApi.ExpectAsync(answer, HttpStatusCode.OK);
        Assert.Equal("Completed", SleekApi.Status(done));
        Assert.Equal(7, done["variables"]!["paid"]!["amount"]!.GetValue<int>());

        var read = await api.GetInstanceAsync(id);
        Assert.Single(SleekApi.Journal(read), j => j.Activity == "wait" && j.Event == "Resumed");
        Assert.Single(SleekApi.Journal(read), j => j.Activity == "end");
        Assert.Equal(0, await ScalarAsync($"SELECT count(*) FROM work_items WHERE instance_id = '{id}'"));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
