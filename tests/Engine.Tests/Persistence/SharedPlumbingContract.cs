using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Tests.Persistence;

/// <summary>
/// The plumbing other context families (marketplace, security) share with the engine: a family's contexts on the
/// engine's database (<see cref="ProviderContextFactory{TContext}"/>), enlisted in a burst or on their own, and one way
/// to write (<see cref="DbContextWrites"/>) that takes SQLite's gate itself. Run on each database (subclasses at the end).
/// </summary>
public abstract class SharedPlumbingContract(EngineDatabase database) : IAsyncLifetime
{
    private ProviderContextFactory<NotesDbContext> _notes = null!;

    protected EngineDb Db => database.Db;

    public async Task InitializeAsync()
    {
        _notes = ProviderContextFactory<NotesDbContext>.Create<PostgresNotesDbContext, SqliteNotesDbContext>(Db, "__notes_migrations");
        await using var db = _notes.CreateContext();
        try
        {
            await db.Notes.AnyAsync();
        }
        catch (Exception)
        {
            // The first test of the class creates the table (the family has no migrations of its own here).
            await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_family_uses_the_engines_database_and_its_own_subclass()
    {
        await using var db = _notes.CreateContext();

        Assert.Equal(Db.Provider, _notes.Provider);
        Assert.IsType(Db.Provider == DatabaseProvider.Postgres ? typeof(PostgresNotesDbContext) : typeof(SqliteNotesDbContext), db);
    }

    [Fact]
    public async Task A_context_enlisted_in_a_burst_commits_and_rolls_back_with_it()
    {
        var (kept, dropped) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, commit) in new[] { (dropped, false), (kept, true) })
        {
            await using var session = await Db.BurstStore.BeginAsync(CancellationToken.None);
            await using (var enlisted = _notes.CreateContext(session.Transaction))
            {
                enlisted.Notes.Add(new Note { Id = id, Text = "in the burst" });
                // Enlisted: no gate of its own (the burst holds it; on SQLite waiting for it would never end).
                await enlisted.WriteAsync(CancellationToken.None);
            }

            if (commit)
            {
                await session.CommitAsync(CancellationToken.None);
            }
        }

        Assert.True(await ExistsAsync(kept));
        Assert.False(await ExistsAsync(dropped));
    }

    [Fact]
    public async Task A_write_keeps_its_changes_only_when_committed()
    {
        var (kept, dropped) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var db = _notes.CreateContext())
        {
            await using (var write = await db.BeginWriteAsync(CancellationToken.None))
            {
                db.Notes.Add(new Note { Id = dropped, Text = "rolled back" });
                await db.SaveChangesAsync();
            }

            db.ChangeTracker.Clear();
            await using (var write = await db.BeginWriteAsync(CancellationToken.None))
            {
                db.Notes.Add(new Note { Id = kept, Text = "committed" });
                await write.CommitAsync(CancellationToken.None);
            }
        }

        Assert.True(await ExistsAsync(kept));
        Assert.False(await ExistsAsync(dropped));
    }

    [Fact]
    public async Task A_statement_write_and_a_save_write_through_the_gate()
    {
        var id = Guid.NewGuid();
        await using var db = _notes.CreateContext();
        db.Notes.Add(new Note { Id = id, Text = "first" });
        Assert.Equal(1, await db.WriteAsync(CancellationToken.None));

        var changed = await db.WriteAsync(ct => db.Notes.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, "second"), ct), CancellationToken.None);

        Assert.Equal(1, changed);
        Assert.Equal("second", (await db.Notes.AsNoTracking().SingleAsync(n => n.Id == id)).Text);
    }

    [Fact]
    public async Task Writes_that_lock_one_key_take_turns_so_a_check_then_insert_runs_once()
    {
        var id = Guid.NewGuid();
        async Task<bool> InsertUnlessPresentAsync()
        {
            await using var db = _notes.CreateContext();
            await using var write = await db.BeginWriteAsync(CancellationToken.None);
            await write.LockAsync(id.GetHashCode(), CancellationToken.None);
            if (await db.Notes.AnyAsync(n => n.Id == id))
            {
                return false;
            }

            db.Notes.Add(new Note { Id = id, Text = "once" });
            await write.CommitAsync(CancellationToken.None);
            return true;
        }

        var inserted = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(InsertUnlessPresentAsync)));

        Assert.Equal(1, inserted.Count(i => i));
    }

    [Fact]
    public async Task A_context_in_a_transaction_begins_no_write_of_its_own()
    {
        await using var session = await Db.BurstStore.BeginAsync(CancellationToken.None);
        await using var enlisted = _notes.CreateContext(session.Transaction);

        await Assert.ThrowsAsync<InvalidOperationException>(() => enlisted.BeginWriteAsync(CancellationToken.None));
    }

    /// <summary>Writes a note through a context enlisted in <paramref name="session"/>'s transaction.</summary>
    protected async Task WriteNoteAsync(BurstSession session, Guid id)
    {
        await using var enlisted = _notes.CreateContext(session.Transaction);
        enlisted.Notes.Add(new Note { Id = id, Text = "in the burst" });
        await enlisted.WriteAsync(CancellationToken.None);
    }

    protected async Task<bool> ExistsAsync(Guid id)
    {
        await using var db = _notes.CreateContext();
        return await db.Notes.AnyAsync(n => n.Id == id);
    }
}

/// <summary>A one-table context family, as the marketplace and security families are built.</summary>
public abstract class NotesDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>(e => e.ToTable("plumbing_notes"));
        SnakeCase.ApplyToColumns(modelBuilder);
    }
}

public sealed class PostgresNotesDbContext(DbContextOptions<PostgresNotesDbContext> options) : NotesDbContext(options);

public sealed class SqliteNotesDbContext(DbContextOptions<SqliteNotesDbContext> options) : NotesDbContext(options);

public sealed class Note
{
    public Guid Id { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>The plumbing on PostgreSQL, plus what only several writers at once show.</summary>
public sealed class SharedPlumbingOnPostgres(PostgresEngineDatabase database) : SharedPlumbingContract(database), IClassFixture<PostgresEngineDatabase>
{
    [Fact]
    public async Task Pooled_enlisted_contexts_write_through_the_burst_each_was_given_when_bursts_overlap()
    {
        // Enlisted contexts come from a pool, and one handed back still holds the last burst's connection until it is
        // given the next: each write must land in the transaction of the burst it was rented for, never the previous one.
        var ids = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToArray();
        await using (var kept = await Db.BurstStore.BeginAsync(CancellationToken.None))
        await using (var dropped = await Db.BurstStore.BeginAsync(CancellationToken.None))
        {
            for (var i = 0; i < ids.Length; i++)
            {
                await WriteNoteAsync(i % 2 == 0 ? kept : dropped, ids[i]);
            }

            await kept.CommitAsync(CancellationToken.None);
        }

        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(i % 2 == 0, await ExistsAsync(ids[i]));
        }
    }
}

/// <summary>The plumbing on SQLite, plus what only its gate does: writers of one file take turns.</summary>
public sealed class SharedPlumbingOnSqlite(SqliteEngineDatabase database) : SharedPlumbingContract(database), IClassFixture<SqliteEngineDatabase>
{
    [Fact]
    public async Task Writers_of_one_file_take_turns_at_the_gate_whichever_family_they_belong_to()
    {
        await using var engine = Db.CreateContext();
        var first = await engine.BeginWriteAsync(CancellationToken.None);
        var second = Task.Run(async () =>
        {
            await using var other = Db.CreateContext();
            await using var write = await other.BeginWriteAsync(CancellationToken.None);
        });

        // The second writer waits while the first holds the gate (a quarter second is plenty to start it).
        Assert.NotSame(second, await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(250))));
        await first.DisposeAsync();
        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
