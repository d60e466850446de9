using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// The engine's tables. Two subclasses pick the provider (<see cref="Postgres.PostgresEngineDbContext"/>,
/// <see cref="Sqlite.SqliteEngineDbContext"/>), each with its own migrations; get contexts from <see cref="EngineDb"/>.
/// Statuses are stored as snake_case text by <see cref="SnakeCaseEnumConverter{TEnum}"/>.
/// </summary>
public abstract class EngineDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Definitions.</summary>
    public DbSet<WorkflowDefinitionRecord> Definitions => Set<WorkflowDefinitionRecord>();

    /// <summary>Published versions.</summary>
    public DbSet<WorkflowVersionRecord> Versions => Set<WorkflowVersionRecord>();

    /// <summary>Instances.</summary>
    public DbSet<WorkflowInstanceRecord> Instances => Set<WorkflowInstanceRecord>();

    /// <summary>Bookmarks.</summary>
    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();

    /// <summary>Journal.</summary>
    public DbSet<JournalRecord> Journal => Set<JournalRecord>();

    /// <summary>Work queue.</summary>
    public DbSet<WorkItemRecord> WorkItems => Set<WorkItemRecord>();

    /// <summary>Incidents.</summary>
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();

    /// <summary>Idempotency keys of API clients and the responses they got.</summary>
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    /// <summary>Bulk jobs (cancel, retry, migrate many instances).</summary>
    public DbSet<BulkJobRecord> BulkJobs => Set<BulkJobRecord>();

    /// <summary>The instances each bulk job selected, with how each went.</summary>
    public DbSet<BulkJobItemRecord> BulkJobItems => Set<BulkJobItemRecord>();

    /// <summary>
    /// Loads an instance, tracked, for a write in the current transaction. On PostgreSQL the row stays locked
    /// (<c>FOR UPDATE</c>) until the transaction ends, so bursts and commands on one instance never interleave;
    /// SQLite's single writer (<see cref="WriteGate"/>) gives the same guarantee.
    /// </summary>
    public abstract Task<WorkflowInstanceRecord?> LoadInstanceForUpdateAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowDefinitionRecord>(e =>
        {
            e.ToTable("workflow_definitions");
            e.HasKey(x => x.DefinitionId);
            e.Property(x => x.DefinitionId).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<WorkflowVersionRecord>(e =>
        {
            e.ToTable("workflow_versions");
            e.HasKey(x => new { x.DefinitionId, x.Version });
            e.Property(x => x.DefinitionId).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.Source).HasMaxLength(20);
        });
        modelBuilder.Entity<WorkflowInstanceRecord>(e =>
        {
            e.ToTable("workflow_instances");
            e.HasKey(x => x.Id);
            e.Property(x => x.DefinitionId).HasMaxLength(100);
            e.Property(x => x.Status).HasConversion<SnakeCaseEnumConverter<WorkflowStatus>>().HasMaxLength(20);
            e.Property(x => x.CorrelationId).HasMaxLength(200);
            e.Property(x => x.ConcurrencyVersion).IsConcurrencyToken();
            e.HasIndex(x => new { x.Status, x.CreatedAt });
            e.HasIndex(x => new { x.DefinitionId, x.Version, x.Status });
            e.HasIndex(x => x.CorrelationId);
            e.Property(x => x.ParentActivityId).HasMaxLength(100);
            // One child per execution of a parent's activity (a replayed burst finds it), and the children of an instance.
            e.HasIndex(x => new { x.ParentInstanceId, x.ParentActivityId, x.ParentExecutionNumber }).IsUnique();
        });
        modelBuilder.Entity<BookmarkRecord>(e =>
        {
            e.ToTable("bookmarks");
            e.HasKey(x => x.Id);
            e.Property(x => x.ActivityId).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CorrelationKey).HasMaxLength(200);
            e.Property(x => x.Token).HasMaxLength(64);
            e.Property(x => x.Outcome).HasConversion<SnakeCaseEnumConverter<BookmarkOutcome>>().HasMaxLength(20);
            e.HasIndex(x => x.Token).IsUnique();
            e.HasIndex(x => new { x.Name, x.CorrelationKey, x.ConsumedAt });
            e.HasIndex(x => new { x.InstanceId, x.ConsumedAt });
        });
        modelBuilder.Entity<JournalRecord>(e =>
        {
            e.ToTable("journal");
            e.HasKey(x => x.Id);
            e.Property(x => x.ActivityId).HasMaxLength(100);
            e.Property(x => x.ActivityType).HasMaxLength(200);
            e.Property(x => x.Event).HasConversion<SnakeCaseEnumConverter<JournalEvent>>().HasMaxLength(20);
            e.Property(x => x.Ports).HasMaxLength(1000);
            e.HasIndex(x => new { x.InstanceId, x.Id });
        });
        modelBuilder.Entity<WorkItemRecord>(e =>
        {
            e.ToTable("work_items");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<SnakeCaseEnumConverter<WorkKind>>().HasMaxLength(20);
            e.Property(x => x.LockedBy).HasMaxLength(200);
            e.Property(x => x.TakenOverFrom).HasMaxLength(200);
            e.HasIndex(x => x.AvailableAt);
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => x.BookmarkId);
        });
        modelBuilder.Entity<IncidentRecord>(e =>
        {
            e.ToTable("incidents");
            e.HasKey(x => x.Id);
            e.Property(x => x.ActivityId).HasMaxLength(100);
            e.Property(x => x.ActivityType).HasMaxLength(200);
            e.Property(x => x.Resolution).HasConversion<SnakeCaseEnumConverter<IncidentResolution>>().HasMaxLength(20);
            e.HasIndex(x => new { x.InstanceId, x.ResolvedAt });
            e.HasIndex(x => x.CreatedAt);
        });
        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_keys");
            e.HasKey(x => new { x.Scope, x.IdempotencyKey });
            e.Property(x => x.Scope).HasMaxLength(300);
            e.Property(x => x.IdempotencyKey).HasMaxLength(IdempotencyRecord.MaxKeyLength);
            e.Property(x => x.RequestHash).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(200);
            e.Property(x => x.Location).HasMaxLength(2000);
            e.Property(x => x.Owner).HasMaxLength(200);
            e.HasIndex(x => x.ExpiresAt);
        });
        modelBuilder.Entity<BulkJobRecord>(e =>
        {
            e.ToTable("bulk_jobs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Operation).HasConversion<SnakeCaseEnumConverter<Runtime.Bulk.BulkOperation>>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<SnakeCaseEnumConverter<Runtime.Bulk.BulkJobStatus>>().HasMaxLength(20);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.LockedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.Status, x.CreatedAt });
        });
        modelBuilder.Entity<BulkJobItemRecord>(e =>
        {
            e.ToTable("bulk_job_items");
            e.HasKey(x => new { x.JobId, x.Seq });
            e.Property(x => x.State).HasConversion<SnakeCaseEnumConverter<Runtime.Bulk.BulkItemState>>().HasMaxLength(20);
            e.Property(x => x.Error).HasMaxLength(2000);
            e.HasIndex(x => new { x.JobId, x.State, x.Seq });
        });

        // snake_case columns, so hand-written SQL (work claiming, the PostgreSQL batches, benchmarks) reads naturally.
        SnakeCase.ApplyToColumns(modelBuilder);
    }
}
