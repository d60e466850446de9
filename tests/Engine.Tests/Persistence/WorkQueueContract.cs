using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.TestSupport;

namespace Sleek.Workflows.Engine.Tests.Persistence;

/// <summary>
/// The work queue's claims on each database: several due items in one claim, earliest due first, never an item that is
/// not due or leased to another worker; and items given back unstarted are as they were (due as before, no attempt
/// counted), so a busy host that gives work back never brings an instance closer to faulting.
/// </summary>
public abstract class WorkQueueContract(EngineDatabase database)
{
    private static readonly DateTime Now = BurstRunner.ToStoredPrecision(DateTime.UtcNow);

    [Fact]
    public async Task A_claim_takes_up_to_its_limit_of_due_items_earliest_first_and_skips_future_and_leased_ones()
    {
        // Timers that fell due while no host ran, out of order by id, plus one not due yet and one leased elsewhere.
        var due = new[] { 40, 10, 30, 20, 50 }.Select(minutesAgo => Now.AddMinutes(-minutesAgo)).ToArray();
        var items = await SeedAsync([.. due, Now.AddHours(1)]);
        var leasedElsewhere = (await SeedAsync([Now.AddHours(-2)], lockedBy: "other-host", lockedUntil: Now.AddMinutes(5))).Single();
        var queue = Queue("host-a");

        var first = await queue.ClaimDueAsync(3, CancellationToken.None);
        var rest = await queue.ClaimDueAsync(16, CancellationToken.None);

        Assert.Equal([items[4].Id, items[0].Id, items[2].Id], first.Select(w => w.Id));
        Assert.Equal([items[3].Id, items[1].Id], rest.Select(w => w.Id));
        Assert.All(first.Concat(rest), w => Assert.Equal((WorkKind.Timer, 1), (w.Kind, w.Attempts)));
        Assert.Empty(await queue.ClaimDueAsync(16, CancellationToken.None));
        var leased = await FindAsync(leasedElsewhere.Id);
        Assert.Equal(("other-host", 0), (leased.LockedBy, leased.Attempts));
        Assert.Equal("host-a", (await FindAsync(items[0].Id)).LockedBy);
        Assert.Null((await FindAsync(items[5].Id)).LockedBy);
    }

    [Fact]
    public async Task Items_given_back_unstarted_are_due_as_before_with_no_attempt_counted_and_another_worker_takes_them()
    {
        var items = await SeedAsync([Now.AddMinutes(-3), Now.AddMinutes(-2), Now.AddMinutes(-1)]);
        var busy = Queue("busy-host");
        var claimed = await busy.ClaimDueAsync(16, CancellationToken.None);
        Assert.Equal(items.Select(i => i.Id), claimed.Select(w => w.Id));

        // The busy host started only the first and gives back the two it never started; another host's give-back changes nothing.
        await Queue("someone-else").GiveBackAsync([items[1].Id], CancellationToken.None);
        Assert.Equal("busy-host", (await FindAsync(items[1].Id)).LockedBy);
        await busy.GiveBackAsync([items[1].Id, items[2].Id], CancellationToken.None);

        foreach (var item in items.Skip(1))
        {
            var stored = await FindAsync(item.Id);
            Assert.Equal(((string?)null, (DateTime?)null, 0, item.AvailableAt), (stored.LockedBy, stored.LockedUntil, stored.Attempts, stored.AvailableAt));
        }

        var taken = await Queue("idle-host").ClaimDueAsync(16, CancellationToken.None);
        Assert.Equal([items[1].Id, items[2].Id], taken.Select(w => w.Id));
        Assert.All(taken, w => Assert.Equal((1, (string?)null), (w.Attempts, w.TakenOverFrom)));
    }

    [Fact]
    public async Task A_due_item_waits_while_another_item_of_its_instance_is_leased_and_is_claimed_once_that_lease_lapses()
    {
        // A timer of an instance runs elsewhere (its lease still holds) and a resume of the same instance fell due meanwhile;
        // another instance's timer is free.
        var free = (await SeedAsync([Now.AddMinutes(-2)])).Single();
        var running = (await SeedAsync([Now.AddMinutes(-5)], lockedBy: "other-host", lockedUntil: Now.AddMinutes(5))).Single();
        var resume = await AddItemAsync(running.InstanceId, WorkKind.Resume, Now.AddMinutes(-1));
        var queue = Queue("host-a");

        Assert.Equal([free.Id], (await queue.ClaimDueAsync(16, CancellationToken.None)).Select(w => w.Id));

        // The other host died: its lease lapses, and both of the instance's items may run (one after the other, in due order).
        await using (var db = database.Db.CreateContext())
        {
            await db.WriteAsync(
                ct => db.WorkItems.Where(w => w.Id == running.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.LockedUntil, Now.AddMinutes(-1)), ct),
                CancellationToken.None);
        }

        var taken = await queue.ClaimDueAsync(16, CancellationToken.None);
        Assert.Equal([running.Id, resume.Id], taken.Select(w => w.Id));
        Assert.Equal("other-host", taken[0].TakenOverFrom);
    }

    [Fact]
    public async Task A_burst_s_heartbeat_renews_its_lease_each_interval_until_it_is_disposed()
    {
        var clock = new FakeTimeProvider(Now);
        var options = new RuntimeOptions { WorkerName = "host-a" };
        var queue = new WorkQueue(database.Db, options, clock, NullLogger<WorkQueue>.Instance);
        var item = (await SeedAsync([Now.AddMinutes(-1)])).Single();
        var work = (await queue.ClaimDueAsync(1, CancellationToken.None)).Single();
        Assert.Equal(item.Id, work.Id);

        var heartbeat = LeaseHeartbeat.Start(queue, work, options.HeartbeatInterval, clock, NullLogger.Instance);
        clock.Advance(options.HeartbeatInterval);
        var renewed = Now + options.HeartbeatInterval + options.Lease;
        await Eventually.UntilAsync(() => FindAsync(item.Id), w => w.LockedUntil == renewed, "the lease renewed by the heartbeat", w => $"{w.LockedUntil:O}");
        clock.Advance(options.HeartbeatInterval);
        await Eventually.UntilAsync(() => FindAsync(item.Id), w => w.LockedUntil == renewed + options.HeartbeatInterval, "the second renewal", w => $"{w.LockedUntil:O}");

        await heartbeat.DisposeAsync();
        var stored = await FindAsync(item.Id);
        Assert.Equal(("host-a", renewed + options.HeartbeatInterval), (stored.LockedBy, stored.LockedUntil));
    }

    private WorkQueue Queue(string worker) =>
        new(database.Db, new RuntimeOptions { WorkerName = worker }, TimeProvider.System, NullLogger<WorkQueue>.Instance);

    /// <summary>Another item of an instance (a resume or a retry beside its timer).</summary>
    private async Task<WorkItemRecord> AddItemAsync(Guid instanceId, WorkKind kind, DateTime dueAt)
    {
        await using var db = database.Db.CreateContext();
        var item = new WorkItemRecord { InstanceId = instanceId, Kind = kind, CreatedAt = Now.AddHours(-1), AvailableAt = dueAt };
        db.WorkItems.Add(item);
        await db.WriteAsync(CancellationToken.None);
        return item;
    }

    private async Task<WorkItemRecord> FindAsync(long id)
    {
        await using var db = database.Db.CreateContext();
        return await db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == id);
    }

    /// <summary>One waiting instance per due time, with its timer's work item; the earlier tests' items are finished first.</summary>
    private async Task<List<WorkItemRecord>> SeedAsync(DateTime[] dueTimes, string? lockedBy = null, DateTime? lockedUntil = null)
    {
        await using var db = database.Db.CreateContext();
        if (lockedBy is null)
        {
            await db.WriteAsync(ct => db.WorkItems.ExecuteDeleteAsync(ct), CancellationToken.None);
        }

        var items = new List<WorkItemRecord>();
        foreach (var dueAt in dueTimes)
        {
            var instance = new WorkflowInstanceRecord
            {
                Id = Guid.CreateVersion7(), DefinitionId = "queue", Version = 1, Status = WorkflowStatus.Suspended, StateJson = "{}",
                CreatedAt = Now.AddHours(-3), UpdatedAt = Now.AddHours(-3),
            };
            var timer = new BookmarkRecord
            {
                Id = Guid.NewGuid(), InstanceId = instance.Id, ActivityId = "delay", ExecutionNumber = 1, Name = "Delay",
                Token = $"t-{Guid.NewGuid():N}", DueAt = dueAt, DataJson = "{}", CreatedAt = Now.AddHours(-3),
            };
            var item = new WorkItemRecord
            {
                InstanceId = instance.Id, Kind = WorkKind.Timer, BookmarkId = timer.Id, CreatedAt = Now.AddHours(-3), AvailableAt = dueAt,
                LockedBy = lockedBy, LockedUntil = lockedUntil,
            };
            db.AddRange(instance, timer, item);
            items.Add(item);
        }

        await db.WriteAsync(CancellationToken.None);
        return items;
    }
}

public sealed class WorkQueueOnPostgres(PostgresEngineDatabase database) : WorkQueueContract(database), IClassFixture<PostgresEngineDatabase>;

public sealed class WorkQueueOnSqlite(SqliteEngineDatabase database) : WorkQueueContract(database), IClassFixture<SqliteEngineDatabase>;
