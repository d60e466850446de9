using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Persistence;

/// <summary>
/// Identity (users, sessions and their refresh tokens, password resets, recovery codes), API keys, rate-limit counters, the audit log
/// and one-time setup links, in the engine's database next to the engine's
/// and the marketplace's tables (own migrations, history table <c>__security_migrations</c>, so this
/// set never conflicts with theirs). Two subclasses pick the provider (<see cref="Postgres.PostgresSecurityDbContext"/>,
/// <see cref="Sqlite.SqliteSecurityDbContext"/>); get contexts from <see cref="SecurityDb"/>. Statuses are stored as
/// snake_case text by <see cref="SnakeCaseEnumConverter{TEnum}"/>.
/// </summary>
public abstract class SecurityDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The migrations history table.</summary>
    public const string MigrationsHistoryTable = "__security_migrations";

    /// <summary>Users.</summary>
    public DbSet<UserAccount> Users => Set<UserAccount>();

    /// <summary>API keys.</summary>
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    /// <summary>Rate-limit windows.</summary>
    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();

    /// <summary>The audit log.</summary>
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    /// <summary>Sign-in sessions (refresh-token families).</summary>
    public DbSet<AuthSession> Sessions => Set<AuthSession>();

    /// <summary>Refresh tokens (hashed).</summary>
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    /// <summary>Password-reset tokens (hashed).</summary>
    public DbSet<PasswordResetToken> PasswordResetTokens => Set<PasswordResetToken>();

    /// <summary>Two-factor recovery codes (hashed).</summary>
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();

    /// <summary>One-time setup links (hashed), issued while no admin exists.</summary>
    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();

    /// <summary>Which notifications (workflow emails to a user's address) each user has read.</summary>
    public DbSet<Notifications.NotificationRead> NotificationReads => Set<Notifications.NotificationRead>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<string>().HaveMaxLength(200);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserAccount>(e =>
        {
            e.ToTable("users");
            e.Property(x => x.Email).HasMaxLength(255);
            e.Property(x => x.Role).HasMaxLength(30);
            e.Property(x => x.Status).HasConversion<SnakeCaseEnumConverter<UserStatus>>().HasMaxLength(20);
            e.Property(x => x.PasswordHash).HasMaxLength(400);
            e.Property(x => x.SecurityStamp).HasMaxLength(64);
            e.Property(x => x.TwoFactorSecret).HasMaxLength(200);
            e.HasIndex(x => x.Email).IsUnique();
            e.HasIndex(x => x.Role);
        });
        modelBuilder.Entity<ApiKeyRecord>(e =>
        {
            e.ToTable("api_keys");
            e.Property(x => x.Prefix).HasMaxLength(40);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.Scopes).HasMaxLength(1000);
            e.Property(x => x.PartyRole).HasMaxLength(30);
            e.HasIndex(x => x.Prefix).IsUnique();
        });
        modelBuilder.Entity<RateLimitCounter>(e =>
        {
            e.ToTable("rate_limit_counters");
            e.HasKey(x => new { x.PartitionKey, x.WindowStart });
            e.Property(x => x.PartitionKey).HasMaxLength(300);
            e.HasIndex(x => x.ExpiresAt);
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.Property(x => x.Action).HasMaxLength(200);
            e.Property(x => x.Target).HasMaxLength(500);
            e.Property(x => x.Outcome).HasConversion<SnakeCaseEnumConverter<AuditOutcome>>().HasMaxLength(20);
            e.Property(x => x.Role).HasMaxLength(30);
            e.Property(x => x.Ip).HasMaxLength(64);
            e.Property(x => x.Details).HasMaxLength(2000);
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.Actor, x.At });
            e.HasIndex(x => new { x.Action, x.At });
        });
        modelBuilder.Entity<Notifications.NotificationRead>(e =>
        {
            e.ToTable("notification_reads");
            e.HasKey(x => new { x.UserId, x.EmailId });
        });
        modelBuilder.Entity<SetupToken>(e =>
        {
            e.ToTable("setup_tokens");
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => x.Hash).IsUnique();
        });

        modelBuilder.Entity<AuthSession>(e =>
        {
            e.ToTable("auth_sessions");
            e.Property(x => x.RevokedReason).HasConversion<SnakeCaseEnumConverter<SessionEnd>>().HasMaxLength(30);
            e.Property(x => x.Ip).HasMaxLength(64);
            e.HasIndex(x => x.UserId);
        });
        modelBuilder.Entity<RefreshToken>(e =>
        {
            e.ToTable("refresh_tokens");
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => x.Hash).IsUnique();
            e.HasIndex(x => x.SessionId);
            e.HasIndex(x => x.ExpiresAt);
        });
        modelBuilder.Entity<PasswordResetToken>(e =>
        {
            e.ToTable("password_reset_tokens");
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => x.Hash).IsUnique();
            e.HasIndex(x => x.UserId);
        });
        modelBuilder.Entity<RecoveryCode>(e =>
        {
            e.ToTable("recovery_codes");
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => new { x.UserId, x.Hash }).IsUnique();
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase.Of(property.Name));
                if (property.ClrType == typeof(Guid) && property.IsPrimaryKey())
                {
                    property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
                }
            }
        }
    }
}
