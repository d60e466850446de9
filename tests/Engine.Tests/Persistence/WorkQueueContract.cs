using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;

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

    private WorkQueue Queue(string worker) =>
        new(database.Db, new RuntimeOptions { WorkerName = worker }, TimeProvider.System, NullLogger<WorkQueue>.Instance);

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
