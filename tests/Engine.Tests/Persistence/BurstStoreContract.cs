using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Tests.Persistence;

/// <summary>
/// What every <see cref="IBurstStore"/> guarantees, written once and run on each database (the subclasses at the end):
/// a bookmark is consumed at most once, a claim loads what the burst needs, and a commit writes every row as the model
/// describes it — or nothing at all.
/// </summary>
public abstract class BurstStoreContract(EngineDatabase database)
{
    private static readonly DateTime Now = BurstRunner.ToStoredPrecision(DateTime.UtcNow);

    protected EngineDb Db => database.Db;

    private IBurstStore Store => database.Db.BurstStore;

    [Fact]
    public async Task Claim_by_token_consumes_the_bookmark_and_loads_the_instance_its_waits_and_incidents()
    {
        var seed = await SeedAsync();

        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            var claim = await Store.ClaimByTokenAsync(session, seed.Waiting.Token, Now, CancellationToken.None);

            Assert.NotNull(claim);
            AssertSameColumns(seed.Instance, claim.Instance);
            Assert.Equal(seed.Waiting.Id, claim.Resumed.Id);
            Assert.Equal(Now, claim.Resumed.ConsumedAt);
            Assert.Equal(BookmarkOutcome.Resumed, claim.Resumed.Outcome);
            Assert.Equal([seed.Other.Id], claim.Open.Select(b => b.Id));
            Assert.Equal(new[] { seed.Other.Id, seed.Accepted.Id }.Order(), claim.Waits.Select(b => b.Id).Order());
            AssertSameColumns(seed.Incident, Assert.Single(claim.Incidents));
            await session.CommitAsync(CancellationToken.None);
        }

        await using (var again = await Store.BeginAsync(CancellationToken.None))
        {
            Assert.Null(await Store.ClaimByTokenAsync(again, seed.Waiting.Token, Now, CancellationToken.None));
        }

        Assert.Equal(BookmarkOutcome.Resumed, (await FindAsync<BookmarkRecord>(seed.Waiting.Id)).Outcome);
    }

    [Fact]
    public async Task A_claim_that_is_not_committed_leaves_the_bookmark_open()
    {
        var seed = await SeedAsync();

        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            Assert.NotNull(await Store.ClaimByTokenAsync(session, seed.Waiting.Token, Now, CancellationToken.None));
        }

        Assert.Null((await FindAsync<BookmarkRecord>(seed.Waiting.Id)).ConsumedAt);
    }

    [Fact]
    public async Task Claim_by_token_refuses_an_unknown_token_and_an_instance_that_no_longer_resumes()
    {
        var seed = await SeedAsync(WorkflowStatus.Completed);

        await using var session = await Store.BeginAsync(CancellationToken.None);
        Assert.Null(await Store.ClaimByTokenAsync(session, "no-such-token", Now, CancellationToken.None));
        Assert.Null(await Store.ClaimByTokenAsync(session, seed.Waiting.Token, Now, CancellationToken.None));
        await session.CommitAsync(CancellationToken.None);

        Assert.Null((await FindAsync<BookmarkRecord>(seed.Waiting.Id)).ConsumedAt);
    }

    [Fact]
    public async Task Claiming_a_timer_by_its_token_removes_its_own_work_so_it_never_fires()
    {
        var seed = await SeedAsync(timer: true);

        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            Assert.NotNull(await Store.ClaimByTokenAsync(session, seed.Waiting.Token, Now, CancellationToken.None));
            await session.CommitAsync(CancellationToken.None);
        }

        await using var db = Db.CreateContext();
        Assert.False(await db.WorkItems.AnyAsync(w => w.BookmarkId == seed.Waiting.Id));
    }

    [Fact]
    public async Task Consume_succeeds_once_and_says_why_not_when_the_instance_does_not_resume()
    {
        var seed = await SeedAsync(timer: true);

        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            Assert.Equal(new ConsumeOutcome(true), await Store.ConsumeAsync(session, seed.Waiting, Now, onlyIfInstanceResumes: true, CancellationToken.None));
            await session.CommitAsync(CancellationToken.None);
        }

        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            Assert.False((await Store.ConsumeAsync(session, seed.Waiting, Now, onlyIfInstanceResumes: false, CancellationToken.None)).Consumed);
        }

        var faulted = await SeedAsync(WorkflowStatus.Faulted);
        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            Assert.Equal(new ConsumeOutcome(false, WorkflowStatus.Faulted), await Store.ConsumeAsync(session, faulted.Waiting, Now, onlyIfInstanceResumes: true, CancellationToken.None));
        }

        await using var db = Db.CreateContext();
        Assert.False(await db.WorkItems.AnyAsync(w => w.BookmarkId == seed.Waiting.Id), "the consumed timer's own work is gone");
        Assert.Null((await FindAsync<BookmarkRecord>(faulted.Waiting.Id)).ConsumedAt);
    }

    [Fact]
    public async Task Claiming_a_leased_timer_fires_it_once_and_loads_the_waits_but_its_own()
    {
        var seed = await SeedAsync(timer: true);
        var timer = await LeaseTimerAsync(seed);

        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            var claim = await Store.ClaimWorkAsync(session, timer, Now, CancellationToken.None);

            Assert.True(claim.Runs);
            AssertSameColumns(seed.Instance, claim.Instance!);
            Assert.Equal(timer.Id, claim.Item!.Id);
            Assert.Equal(seed.Waiting.Id, claim.Bookmark!.Id);
            Assert.True(claim.TimerFired);
            Assert.Equal(new[] { seed.Other.Id, seed.Accepted.Id }.Order(), claim.Waits.Select(b => b.Id).Order());
            Assert.False(claim.HasQueuedRetry);
            await session.CommitAsync(CancellationToken.None);
        }

        var fired = await FindAsync<BookmarkRecord>(seed.Waiting.Id);
        Assert.Equal((Now, BookmarkOutcome.Resumed), (fired.ConsumedAt, fired.Outcome));
        await using (var db = Db.CreateContext())
        {
            // The claim itself deleted the timer's item: its transaction holds that row while the burst lives.
            Assert.False(await db.WorkItems.AnyAsync(w => w.Id == timer.Id));
        }

        await using (var again = await Store.BeginAsync(CancellationToken.None))
        {
            // A second claim of the same timer (a worker whose lease lapsed meanwhile) finds nothing to run.
            var claim = await Store.ClaimWorkAsync(again, timer, Now, CancellationToken.None);
            Assert.False(claim.Runs);
            Assert.False(claim.TimerFired);
        }
    }

    [Theory]
    [InlineData(WorkflowStatus.Faulted)]
    [InlineData(WorkflowStatus.Completed)]
    [InlineData(WorkflowStatus.Cancelled)]
    public async Task A_leased_timer_does_not_fire_on_an_instance_that_is_faulted_or_finished(WorkflowStatus status)
    {
        var seed = await SeedAsync(status, timer: true);
        var timer = await LeaseTimerAsync(seed);

        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            var claim = await Store.ClaimWorkAsync(session, timer, Now, CancellationToken.None);
            Assert.True(claim.Runs);
            Assert.Equal(status, claim.Instance!.Status);
            Assert.False(claim.TimerFired);
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.Null((await FindAsync<BookmarkRecord>(seed.Waiting.Id)).ConsumedAt);
    }

    [Fact]
    public async Task A_timer_no_longer_leased_does_not_fire_and_a_missing_one_does_not_run()
    {
        var seed = await SeedAsync(timer: true);
        await using var db = Db.CreateContext();
        var item = await db.WorkItems.AsNoTracking().SingleAsync(w => w.BookmarkId == seed.Waiting.Id);
        var unleased = new ClaimedWork(item.Id, seed.Instance.Id, WorkKind.Timer, seed.Waiting.Id, null, 1);

        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            // Given back (or finished and re-queued) meanwhile: its lease is gone, so this worker must not fire it.
            var claim = await Store.ClaimWorkAsync(session, unleased, Now, CancellationToken.None);
            Assert.False(claim.Runs);
            Assert.False(claim.TimerFired);
            await session.CommitAsync(CancellationToken.None);
        }

        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            var claim = await Store.ClaimWorkAsync(session, unleased with { Id = long.MaxValue }, Now, CancellationToken.None);
            Assert.False(claim.Runs);
            Assert.Null(claim.Item);
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.Null((await FindAsync<BookmarkRecord>(seed.Waiting.Id)).ConsumedAt);
    }

    [Fact]
    public async Task A_claim_tells_of_another_queued_retry_but_not_of_a_parked_one()
    {
        var seed = await SeedAsync(WorkflowStatus.Running);
        var running = new ClaimedWork(seed.AcceptedWork.Id, seed.Instance.Id, WorkKind.Resume, seed.Accepted.Id, null, 1);
        await AddAsync(new WorkItemRecord { InstanceId = seed.Instance.Id, Kind = WorkKind.Retry, PayloadJson = """{"activityId":"a"}""", CreatedAt = Now, AvailableAt = WorkItemRecord.Parked });

        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            var claim = await Store.ClaimWorkAsync(session, running, Now, CancellationToken.None);
            Assert.Equal(seed.Accepted.Id, claim.Bookmark!.Id);
            Assert.False(claim.TimerFired);
            Assert.False(claim.HasQueuedRetry);
        }

        await AddAsync(new WorkItemRecord { InstanceId = seed.Instance.Id, Kind = WorkKind.Retry, PayloadJson = """{"activityId":"a"}""", CreatedAt = Now, AvailableAt = Now.AddMinutes(1) });
        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            Assert.True((await Store.ClaimWorkAsync(session, running, Now, CancellationToken.None)).HasQueuedRetry);
        }
    }

    [Fact]
    public async Task Waits_are_the_open_bookmarks_and_accepted_resumes_but_the_one_that_runs()
    {
        var seed = await SeedAsync();

        await using var session = await Store.BeginAsync(CancellationToken.None);
        var all = await Store.LoadWaitsAsync(session, seed.Instance.Id, null, CancellationToken.None);
        var running = await Store.LoadWaitsAsync(session, seed.Instance.Id, seed.AcceptedWork.Id, CancellationToken.None);

        Assert.Equal(new[] { seed.Waiting.Id, seed.Other.Id, seed.Accepted.Id }.Order(), all.Select(b => b.Id).Order());
        Assert.Equal(new[] { seed.Waiting.Id, seed.Other.Id }.Order(), running.Select(b => b.Id).Order());
    }

    [Fact]
    public async Task Commit_writes_every_column_of_every_row_and_ends_the_work_it_ran()
    {
        var seed = await SeedAsync(WorkflowStatus.Running);
        var parked = await AddAsync(new WorkItemRecord { InstanceId = seed.Instance.Id, Kind = WorkKind.Timer, CreatedAt = Now, AvailableAt = WorkItemRecord.Parked });
        var rows = new BurstRows(
            seed.Instance,
            [new BookmarkRecord
            {
                Id = Guid.NewGuid(), InstanceId = seed.Instance.Id, ActivityId = "later", ExecutionNumber = 3, Name = "Timer", CorrelationKey = "k-1",
                Token = $"t-{Guid.NewGuid():N}", DueAt = Now.AddHours(1), DataJson = """{"due":1}""", CreatedAt = Now,
            }],
            [new WorkItemRecord { InstanceId = seed.Instance.Id, Kind = WorkKind.Retry, PayloadJson = """{"activityId":"a"}""", CreatedAt = Now, AvailableAt = Now.AddMinutes(5) }],
            [
                new JournalRecord { InstanceId = seed.Instance.Id, ActivityId = "a", ActivityType = "Log", ExecutionNumber = 1, Event = JournalEvent.Executed, StartedAt = Now, CompletedAt = Now, InputsJson = "{}", OutputJson = "1", Ports = "Done" },
                new JournalRecord { InstanceId = seed.Instance.Id, ActivityId = "b", ActivityType = "Fault", ExecutionNumber = 2, Event = JournalEvent.Faulted, StartedAt = Now, CompletedAt = Now, Error = "boom" },
            ],
            new IncidentRecord { Id = Guid.NewGuid(), InstanceId = seed.Instance.Id, ActivityId = "b", ActivityType = "Fault", Attempt = 2, Error = "boom", CreatedAt = Now },
            [seed.Other.Id],
            Now)
        {
            FinishedWork = seed.AcceptedWork.Id,
            ReleaseParkedWork = true,
        };
        seed.Instance.Status = WorkflowStatus.Faulted;
        seed.Instance.StateJson = """{"variables":{"x":2}}""";
        seed.Instance.Error = "boom";
        seed.Instance.UpdatedAt = Now.AddSeconds(1);
        seed.Instance.FinishedAt = Now.AddSeconds(1);
        seed.Instance.ConcurrencyVersion++;

        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            // The rows of a burst belong to the instance the session locked.
            await Store.ClaimWorkAsync(session, new ClaimedWork(seed.AcceptedWork.Id, seed.Instance.Id, WorkKind.Resume, seed.Accepted.Id, null, 1), Now, CancellationToken.None);
            await Store.CommitAsync(session, rows, CancellationToken.None);
        }

        await using var db = Db.CreateContext();
        AssertSameColumns(seed.Instance, await FindAsync<WorkflowInstanceRecord>(seed.Instance.Id));
        AssertSameColumns(rows.Bookmarks[0], await FindAsync<BookmarkRecord>(rows.Bookmarks[0].Id));
        AssertSameColumns(rows.Incident!, await FindAsync<IncidentRecord>(rows.Incident!.Id));
        var journal = await db.Journal.AsNoTracking().Where(j => j.InstanceId == seed.Instance.Id).OrderBy(j => j.Id).ToListAsync();
        Assert.Equal(2, journal.Count);
        AssertSameColumns(rows.Journal[0], journal[0], except: "Id");
        AssertSameColumns(rows.Journal[1], journal[1], except: "Id");
        var work = await db.WorkItems.AsNoTracking().Where(w => w.InstanceId == seed.Instance.Id).ToListAsync();
        AssertSameColumns(rows.WorkItems[0], Assert.Single(work, w => w.Kind == WorkKind.Retry), except: "Id");
        Assert.DoesNotContain(work, w => w.Id == seed.AcceptedWork.Id);
        Assert.DoesNotContain(work, w => w.BookmarkId == seed.Other.Id);
        Assert.Equal(Now, Assert.Single(work, w => w.Id == parked.Id).AvailableAt);
        var closed = await FindAsync<BookmarkRecord>(seed.Other.Id);
        Assert.Equal((Now, BookmarkOutcome.Cancelled), (closed.ConsumedAt, closed.Outcome));
    }

    [Fact]
    public async Task A_new_instance_is_inserted_by_its_commit_with_everything_its_first_burst_wrote()
    {
        var instance = new WorkflowInstanceRecord
        {
            Id = Guid.CreateVersion7(), DefinitionId = "contract", Version = 2, Status = WorkflowStatus.Suspended, CorrelationId = "order-9",
            StateJson = """{"variables":{"x":1}}""", CreatedAt = Now, UpdatedAt = Now, ConcurrencyVersion = 1,
        };
        var wait = new BookmarkRecord
        {
            Id = Guid.NewGuid(), InstanceId = instance.Id, ActivityId = "approve", ExecutionNumber = 1, Name = "HumanTask",
            Token = $"t-{Guid.NewGuid():N}", CreatedAt = Now,
        };
        var executed = new JournalRecord { InstanceId = instance.Id, ActivityId = "start", ActivityType = "Start", ExecutionNumber = 1, Event = JournalEvent.Executed, StartedAt = Now, CompletedAt = Now, Ports = "Done" };
        var rows = new BurstRows(instance, [wait], [], [executed], null, [], Now) { InstanceIsNew = true };

        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            await Store.CommitAsync(session, rows, CancellationToken.None);
        }

        AssertSameColumns(instance, await FindAsync<WorkflowInstanceRecord>(instance.Id));
        AssertSameColumns(wait, await FindAsync<BookmarkRecord>(wait.Id));
        await using var db = Db.CreateContext();
        AssertSameColumns(executed, await db.Journal.AsNoTracking().SingleAsync(j => j.InstanceId == instance.Id), except: "Id");
    }

    [Fact]
    public async Task A_new_instance_whose_commit_fails_leaves_no_row()
    {
        var seed = await SeedAsync(WorkflowStatus.Running);
        var instance = new WorkflowInstanceRecord
        {
            Id = Guid.CreateVersion7(), DefinitionId = "contract", Version = 1, Status = WorkflowStatus.Suspended, StateJson = "{}",
            CreatedAt = Now, UpdatedAt = Now, ConcurrencyVersion = 1,
        };
        // A wait whose id is taken already: the commit fails after the instance's insert in the same write.
        var taken = await FindAsync<BookmarkRecord>(seed.Other.Id);
        taken.InstanceId = instance.Id;
        var rows = new BurstRows(instance, [taken], [], [], null, [], Now) { InstanceIsNew = true };

        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Store.CommitAsync(session, rows, CancellationToken.None));
        }

        await using var db = Db.CreateContext();
        Assert.False(await db.Instances.AnyAsync(i => i.Id == instance.Id));
    }

    [Fact]
    public async Task A_commit_that_fails_keeps_nothing()
    {
        var seed = await SeedAsync(WorkflowStatus.Running);
        var duplicate = await FindAsync<BookmarkRecord>(seed.Other.Id);
        seed.Instance.Status = WorkflowStatus.Completed;
        var rows = new BurstRows(seed.Instance, [duplicate], [], [], null, [], Now);

        await using (var session = await Store.BeginAsync(CancellationToken.None))
        {
            await Store.ClaimWorkAsync(session, new ClaimedWork(seed.AcceptedWork.Id, seed.Instance.Id, WorkKind.Resume, seed.Accepted.Id, null, 1), Now, CancellationToken.None);
            await Assert.ThrowsAnyAsync<Exception>(() => Store.CommitAsync(session, rows, CancellationToken.None));
        }

        Assert.Equal(WorkflowStatus.Running, (await FindAsync<WorkflowInstanceRecord>(seed.Instance.Id)).Status);
    }

    [Fact]
    public async Task Statuses_are_stored_as_snake_case_text()
    {
        var seed = await SeedAsync(WorkflowStatus.Suspended);
        await AddAsync(new IncidentRecord { Id = Guid.NewGuid(), InstanceId = seed.Instance.Id, Error = "x", CreatedAt = Now, ResolvedAt = Now, Resolution = IncidentResolution.Retried });

        Assert.Equal("suspended", await ScalarAsync($"SELECT status FROM workflow_instances WHERE id = '{Key(seed.Instance.Id)}'"));
        Assert.Equal("resumed", await ScalarAsync($"SELECT outcome FROM bookmarks WHERE id = '{Key(seed.Accepted.Id)}'"));
        Assert.Equal("resume", await ScalarAsync($"SELECT kind FROM work_items WHERE id = {seed.AcceptedWork.Id}"));
        Assert.Equal("retried", await ScalarAsync($"SELECT resolution FROM incidents WHERE instance_id = '{Key(seed.Instance.Id)}' AND resolution IS NOT NULL"));
    }

    [Fact]
    public async Task The_snake_case_migration_rewrites_statuses_stored_by_earlier_versions()
    {
        await using var db = Db.CreateContext();
        var migrations = db.Database.GetMigrations().ToList();
        // Back to just before the snake-case migration (later migrations, e.g. ChildWorkflows, come off and back on too).
        var snakeCase = migrations.FindIndex(m => m.EndsWith("_SnakeCaseStatuses", StringComparison.Ordinal));
        await db.Database.MigrateAsync(migrations[snakeCase - 1]);
        try
        {
            var id = Guid.NewGuid();
            await ScalarAsync(
                $"INSERT INTO workflow_instances (id, definition_id, version, status, state_json, created_at, updated_at, concurrency_version) VALUES ('{Key(id)}', 'old', 1, 'Suspended', '{{}}', '2026-01-01', '2026-01-01', 0)");
            await ScalarAsync(
                $"INSERT INTO work_items (instance_id, kind, created_at, available_at, attempts) VALUES ('{Key(id)}', 'Timer', '2026-01-01', '2026-01-01', 0)");
            await ScalarAsync(
                $"INSERT INTO journal (instance_id, activity_id, activity_type, execution_number, event, started_at, completed_at) VALUES ('{Key(id)}', 'a', 'Log', 1, 'Executed', '2026-01-01', '2026-01-01')");

            await db.Database.MigrateAsync(migrations[snakeCase]);

            Assert.Equal("suspended", await ScalarAsync($"SELECT status FROM workflow_instances WHERE id = '{Key(id)}'"));
            Assert.Equal("timer", await ScalarAsync($"SELECT kind FROM work_items WHERE instance_id = '{Key(id)}'"));
            Assert.Equal("executed", await ScalarAsync($"SELECT event FROM journal WHERE instance_id = '{Key(id)}'"));
            await db.Database.MigrateAsync(migrations[^1]);
            Assert.Equal(WorkflowStatus.Suspended, (await FindAsync<WorkflowInstanceRecord>(id)).Status);
        }
        finally
        {
            await db.Database.MigrateAsync(migrations[^1]);
        }
    }

    /// <summary>The way a key is written in SQL text: PostgreSQL's uuid, SQLite's upper-case TEXT.</summary>
    protected abstract string Key(Guid id);

    /// <summary>Every column the model maps, compared (a property the store forgot to write or read shows here).</summary>
    private void AssertSameColumns<T>(T expected, T actual, string? except = null)
        where T : class
    {
        using var db = Db.CreateContext();
        foreach (var property in db.Model.FindEntityType(typeof(T))!.GetProperties().Where(p => p.Name != except))
        {
            Assert.True(
                Equals(property.PropertyInfo!.GetValue(expected), property.PropertyInfo.GetValue(actual)),
                $"{typeof(T).Name}.{property.Name}: expected {property.PropertyInfo.GetValue(expected)}, got {property.PropertyInfo.GetValue(actual)}");
        }
    }

    private async Task<T> FindAsync<T>(object key)
        where T : class
    {
        await using var db = Db.CreateContext();
        return await db.Set<T>().FindAsync(key) ?? throw new InvalidOperationException($"{typeof(T).Name} {key} not found");
    }

    private async Task<T> AddAsync<T>(T row)
        where T : class
    {
        await using var db = Db.CreateContext();
        db.Add(row);
        await db.WriteAsync(CancellationToken.None);
        return row;
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var db = Db.CreateContext();
        DbConnection connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }

    /// <summary>The seed's timer work, leased to this worker as a claim would.</summary>
    private async Task<ClaimedWork> LeaseTimerAsync(Seed seed)
    {
        await using var db = Db.CreateContext();
        var item = await db.WorkItems.SingleAsync(w => w.BookmarkId == seed.Waiting.Id);
        item.LockedBy = "me";
        item.LockedUntil = Now.AddMinutes(2);
        item.Attempts = 1;
        await db.WriteAsync(CancellationToken.None);
        return new ClaimedWork(item.Id, seed.Instance.Id, WorkKind.Timer, seed.Waiting.Id, null, 1);
    }

    /// <summary>An instance waiting on two bookmarks, with a third consumed whose resume is queued, and an incident.</summary>
    private async Task<Seed> SeedAsync(WorkflowStatus status = WorkflowStatus.Suspended, bool timer = false)
    {
        var instance = new WorkflowInstanceRecord
        {
            Id = Guid.CreateVersion7(), DefinitionId = "contract", Version = 2, Status = status, CorrelationId = $"c-{Guid.NewGuid():N}",
            StateJson = """{"variables":{"x":1}}""", CreatedAt = Now.AddMinutes(-5), UpdatedAt = Now.AddMinutes(-1), ConcurrencyVersion = 4,
        };
        BookmarkRecord Bookmark(string activity, DateTime? dueAt = null) => new()
        {
            Id = Guid.NewGuid(), InstanceId = instance.Id, ActivityId = activity, ExecutionNumber = 1, Name = "Go", CorrelationKey = instance.CorrelationId,
            Token = $"t-{Guid.NewGuid():N}", DueAt = dueAt, DataJson = """{"a":1}""", CreatedAt = Now.AddMinutes(-2),
        };
        var waiting = Bookmark("wait", timer ? Now.AddHours(1) : null);
        var other = Bookmark("other");
        var accepted = Bookmark("accepted");
        accepted.ConsumedAt = Now.AddMinutes(-1);
        accepted.Outcome = BookmarkOutcome.Resumed;
        var acceptedWork = new WorkItemRecord { InstanceId = instance.Id, Kind = WorkKind.Resume, BookmarkId = accepted.Id, CreatedAt = Now, AvailableAt = Now, LockedBy = "me", LockedUntil = Now.AddMinutes(2), Attempts = 1 };
        var incident = new IncidentRecord { Id = Guid.NewGuid(), InstanceId = instance.Id, ActivityId = "boom", ActivityType = "Fault", Attempt = 1, Error = "earlier", CreatedAt = Now.AddMinutes(-3) };
        await using var db = Db.CreateContext();
        db.AddRange(instance, waiting, other, accepted, acceptedWork, incident);
        if (timer)
        {
            db.Add(new WorkItemRecord { InstanceId = instance.Id, Kind = WorkKind.Timer, BookmarkId = waiting.Id, CreatedAt = Now, AvailableAt = waiting.DueAt!.Value });
        }

        await db.WriteAsync(CancellationToken.None);
        return new Seed(instance, waiting, other, accepted, acceptedWork, incident);
    }

    private sealed record Seed(WorkflowInstanceRecord Instance, BookmarkRecord Waiting, BookmarkRecord Other, BookmarkRecord Accepted, WorkItemRecord AcceptedWork, IncidentRecord Incident);
}

/// <summary>The store contract on PostgreSQL, plus what only row locks give: a busy instance is skipped, not waited for.</summary>
public sealed class BurstStoreOnPostgres(PostgresEngineDatabase database) : BurstStoreContract(database), IClassFixture<PostgresEngineDatabase>
{
    [Fact]
    public async Task Claim_by_token_skips_an_instance_another_burst_holds_and_consumes_nothing()
    {
        var store = Db.BurstStore;
        await using var db = Db.CreateContext();
        var instance = new WorkflowInstanceRecord { Id = Guid.NewGuid(), DefinitionId = "busy", Version = 1, Status = WorkflowStatus.Suspended, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        var bookmark = new BookmarkRecord { Id = Guid.NewGuid(), InstanceId = instance.Id, ActivityId = "a", Name = "Go", Token = $"t-{Guid.NewGuid():N}", CreatedAt = DateTime.UtcNow };
        db.AddRange(instance, bookmark);
        await db.WriteAsync(CancellationToken.None);

        await using var holder = await store.BeginAsync(CancellationToken.None);
        await store.ClaimWorkAsync(holder, new ClaimedWork(0, instance.Id, WorkKind.Resume, null, null, 1), DateTime.UtcNow, CancellationToken.None);
        await using (var second = await store.BeginAsync(CancellationToken.None))
        {
            Assert.Null(await store.ClaimByTokenAsync(second, bookmark.Token, DateTime.UtcNow, CancellationToken.None));
            await second.CommitAsync(CancellationToken.None);
        }

        await using var check = Db.CreateContext();
        Assert.Null((await check.Bookmarks.AsNoTracking().SingleAsync(b => b.Id == bookmark.Id)).ConsumedAt);
    }

    protected override string Key(Guid id) => id.ToString();
}

/// <summary>The store contract on the embedded SQLite file.</summary>
public sealed class BurstStoreOnSqlite(SqliteEngineDatabase database) : BurstStoreContract(database), IClassFixture<SqliteEngineDatabase>
{
    protected override string Key(Guid id) => id.ToString().ToUpperInvariant();
}
