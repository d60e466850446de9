using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Ai;
using Sleek.Workflows.Marketplace.Assistant;
using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Email;
using Sleek.Workflows.Marketplace.Files;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Marketplace.Production;
using Sleek.Workflows.Marketplace.Quotes;
using Sleek.Workflows.Marketplace.Rules;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Persistence;

/// <summary>
/// The marketplace's tables, next to the engine's in the same database (own migrations, history table
/// <c>__marketplace_migrations</c>). Two subclasses pick the provider; get contexts from <see cref="MarketplaceDb"/>.
/// </summary>
public abstract class MarketplaceDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The migrations history table (the engine keeps EF's default one).</summary>
    public const string MigrationsHistoryTable = "__marketplace_migrations";

    /// <summary>Product categories.</summary>
    public DbSet<Category> Categories => Set<Category>();

    /// <summary>Quotes.</summary>
    public DbSet<Quote> Quotes => Set<Quote>();

    /// <summary>Orders.</summary>
    public DbSet<Order> Orders => Set<Order>();

    /// <summary>Order history.</summary>
    public DbSet<OrderTimelineEntry> OrderTimeline => Set<OrderTimelineEntry>();

    /// <summary>Suppliers.</summary>
    public DbSet<Supplier> Suppliers => Set<Supplier>();

    /// <summary>Suppliers' certificates with their expiry.</summary>
    public DbSet<SupplierCertificate> SupplierCertificates => Set<SupplierCertificate>();

    /// <summary>Offers of orders to suppliers.</summary>
    public DbSet<SupplierOffer> SupplierOffers => Set<SupplierOffer>();

    /// <summary>Production stages of orders.</summary>
    public DbSet<ProductionStage> ProductionStages => Set<ProductionStage>();

    /// <summary>Invoices.</summary>
    public DbSet<Invoice> Invoices => Set<Invoice>();

    /// <summary>Payments.</summary>
    public DbSet<Payment> Payments => Set<Payment>();

    /// <summary>The email outbox.</summary>
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();

    /// <summary>AI calls and their cost.</summary>
    public DbSet<AiUsage> AiUsage => Set<AiUsage>();

    /// <summary>Quote assistant conversations.</summary>
    public DbSet<AssistantConversation> AssistantConversations => Set<AssistantConversation>();

    /// <summary>Their messages and tool calls.</summary>
    public DbSet<AssistantMessage> AssistantMessages => Set<AssistantMessage>();

    /// <summary>Rule set versions.</summary>
    public DbSet<RuleSetVersion> RuleSetVersions => Set<RuleSetVersion>();

    /// <summary>Suppliers' products in their listed (approved) form.</summary>
    public DbSet<Product> Products => Set<Product>();

    /// <summary>Submitted product versions and their review.</summary>
    public DbSet<ProductRevision> ProductRevisions => Set<ProductRevision>();
    /// <summary>Uploaded files' metadata (the bytes are in the file store).</summary>
    public DbSet<StoredFile> Files => Set<StoredFile>();
    /// <summary>Rule sets rule authors created (built-in ones have no row).</summary>
    public DbSet<RuleSetRecord> RuleSets => Set<RuleSetRecord>();

    /// <summary>Number counters (Q-, ORD-, INV-).</summary>
    public DbSet<DocumentCounter> DocumentCounters => Set<DocumentCounter>();

    /// <summary>The tracked order, or null, held against concurrent changes until the caller's transaction ends.</summary>
    internal abstract Task<Order?> LoadOrderForUpdateAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>Products whose title or description match <paramref name="text"/>: full text on PostgreSQL, LIKE on SQLite.</summary>
    internal abstract IQueryable<Product> MatchingProducts(string text);

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpOrderVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpOrderVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        Enum<QuoteStatus>(configurationBuilder);
        Enum<OrderStatus>(configurationBuilder);
        Enum<Complexity>(configurationBuilder);
        Enum<SupplierTier>(configurationBuilder);
        Enum<OfferResponse>(configurationBuilder);
        Enum<InvoiceKind>(configurationBuilder);
        Enum<InvoiceStatus>(configurationBuilder);
        Enum<PaymentProvider>(configurationBuilder);
        Enum<EmailStatus>(configurationBuilder);
        Enum<AssistantConversationStatus>(configurationBuilder);
        Enum<AssistantMessageRole>(configurationBuilder);
        Enum<AssistantMessageStatus>(configurationBuilder);
        Enum<ProductRevisionStatus>(configurationBuilder);
        Enum<FileKind>(configurationBuilder);
        Enum<VerificationStatus>(configurationBuilder);
        Enum<FileOwnerKind>(configurationBuilder);
        configurationBuilder.Properties<string>().HaveMaxLength(200);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Category>(e =>
        {
            e.ToTable("categories");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(100);
            Money(e.Property(x => x.BasePrice), 2);
            StringList(e.Property(x => x.RelatedKeys));
        });
        modelBuilder.Entity<Quote>(e =>
        {
            e.ToTable("quotes");
            e.Property(x => x.Number).HasMaxLength(30);
            e.Property(x => x.ProductType).HasMaxLength(100);
            e.Property(x => x.Fabric).HasMaxLength(100);
            e.Property(x => x.Requirements).HasMaxLength(2000);
            e.Property(x => x.Email).HasMaxLength(255);
            e.Property(x => x.Name).HasMaxLength(100);
            Unbounded(e.Property(x => x.AiSuggestions));
            Money(e.Property(x => x.UnitPrice), 4);
            Money(e.Property(x => x.Total), 2);
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => x.CreatedAt);
            e.HasIndex(x => new { x.Email, x.CreatedAt });
            e.HasIndex(x => new { x.BuyerUserId, x.CreatedAt });
            // The product a quote was asked for from ("Ask for a quote" on a product page).
            e.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.ProductId);
            RequirementLists(e);
        });
        modelBuilder.Entity<Order>(e =>
        {
            e.ToTable("orders");
            e.Property(x => x.Number).HasMaxLength(30);
            e.Property(x => x.BuyerEmail).HasMaxLength(255);
            e.Property(x => x.ProductType).HasMaxLength(100);
            Money(e.Property(x => x.UnitPrice), 4);
            Money(e.Property(x => x.Total), 2);
            Money(e.Property(x => x.SupplierPrice), 2);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.Timeline).WithOne().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Quote>().WithMany().HasForeignKey(x => x.QuoteId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Supplier>().WithMany().HasForeignKey(x => x.SupplierId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.Number).IsUnique();
            // One order per quote: a repeated "accept" cannot make a second order.
            e.HasIndex(x => x.QuoteId).IsUnique();
            e.HasIndex(x => new { x.BuyerEmail, x.CreatedAt });
            e.HasIndex(x => new { x.BuyerUserId, x.CreatedAt });
            e.HasIndex(x => new { x.SupplierId, x.CreatedAt });
            e.HasIndex(x => new { x.Status, x.CreatedAt });
            e.HasIndex(x => x.CreatedAt);
            // The task guard and an order's task list find the order of a workflow instance.
            e.HasIndex(x => x.WorkflowInstanceId);
            RequirementLists(e);
        });
        modelBuilder.Entity<OrderTimelineEntry>(e =>
        {
            e.ToTable("order_timeline");
            e.Property(x => x.Action).HasMaxLength(50);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.HasIndex(x => new { x.OrderId, x.At });
        });
        modelBuilder.Entity<Supplier>(e =>
        {
            e.ToTable("suppliers");
            e.Property(x => x.Email).HasMaxLength(255);
            e.Property(x => x.Country).HasMaxLength(2);
            Money(e.Property(x => x.Rating), 2, precision: 3);
            Money(e.Property(x => x.OnTimeRate), 4, precision: 5);
            StringList(e.Property(x => x.Categories));
            StringList(e.Property(x => x.Certifications));
            e.Property(x => x.ContactName).HasMaxLength(100);
            e.Property(x => x.Phone).HasMaxLength(40);
            e.Property(x => x.VerificationReason).HasMaxLength(2000);
            e.HasIndex(x => x.UserId);
            e.HasIndex(x => x.VerificationStatus);
            e.HasIndex(x => x.Email);
        });
        modelBuilder.Entity<SupplierCertificate>(e =>
        {
            e.ToTable("supplier_certificates");
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasOne<Supplier>().WithMany().HasForeignKey(x => x.SupplierId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.SupplierId);
            e.HasIndex(x => x.ExpiresOn);
        });
        modelBuilder.Entity<SupplierOffer>(e =>
        {
            e.ToTable("supplier_offers");
            Money(e.Property(x => x.Score), 2);
            e.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Supplier>().WithMany().HasForeignKey(x => x.SupplierId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.OrderId, x.Rank });
            e.HasIndex(x => new { x.SupplierId, x.OfferedAt });
        });
        modelBuilder.Entity<ProductionStage>(e =>
        {
            e.ToTable("production_stages");
            e.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.OrderId, x.Sequence }).IsUnique();
            e.HasIndex(x => x.PlannedEnd);
        });
        modelBuilder.Entity<Invoice>(e =>
        {
            e.ToTable("invoices");
            e.Property(x => x.Number).HasMaxLength(30);
            e.Property(x => x.Currency).HasMaxLength(3);
            Money(e.Property(x => x.Amount), 2);
            e.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => x.OrderId);
            e.HasIndex(x => x.PaymentIntentId);
            e.HasIndex(x => new { x.Status, x.DueAt });
        });
        modelBuilder.Entity<Payment>(e =>
        {
            e.ToTable("payments");
            Money(e.Property(x => x.Amount), 2);
            e.HasOne<Invoice>().WithMany().HasForeignKey(x => x.InvoiceId).OnDelete(DeleteBehavior.Restrict);
            // A redelivered Stripe webhook cannot record the payment twice (NULLs, i.e. manual payments, do not clash).
            e.HasIndex(x => x.StripeEventId).IsUnique();
            e.HasIndex(x => x.InvoiceId);
        });
        modelBuilder.Entity<EmailMessage>(e =>
        {
            e.ToTable("email_messages");
            e.Property(x => x.IdempotencyKey).HasMaxLength(300);
            e.Property(x => x.Template).HasMaxLength(100);
            e.Property(x => x.To).HasMaxLength(255);
            e.Property(x => x.Subject).HasMaxLength(500);
            Unbounded(e.Property(x => x.HtmlBody));
            Unbounded(e.Property(x => x.TextBody));
            e.Property(x => x.Error).HasMaxLength(2000);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => new { x.Status, x.CreatedAt });
            // The dispatcher's query: pending rows that are due.
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => x.OrderId);
            e.HasIndex(x => x.QuoteId);
        });
        modelBuilder.Entity<AiUsage>(e =>
        {
            e.ToTable("ai_usage");
            Money(e.Property(x => x.CostUsd), 6);
            e.Property(x => x.Error).HasMaxLength(2000);
            e.HasIndex(x => x.At);
        });
        modelBuilder.Entity<AssistantConversation>(e =>
        {
            e.ToTable("assistant_conversations");
            e.Property(x => x.OwnerIp).HasMaxLength(64);
            Money(e.Property(x => x.CostUsd), 6);
            // A buyer's list, and the daily token budgets (per user, per anonymous IP).
            e.HasIndex(x => new { x.OwnerUserId, x.UpdatedAt });
            e.HasIndex(x => new { x.OwnerIp, x.UpdatedAt });
        });
        modelBuilder.Entity<AssistantMessage>(e =>
        {
            e.ToTable("assistant_messages");
            Unbounded(e.Property(x => x.Content));
            e.Property(x => x.ToolName).HasMaxLength(100);
            Unbounded(e.Property(x => x.ToolArguments));
            Unbounded(e.Property(x => x.ToolResult));
            Money(e.Property(x => x.CostUsd), 6);
            e.HasOne<AssistantConversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ConversationId, x.Sequence }).IsUnique();
            e.HasIndex(x => x.CreatedAt);
        });
        modelBuilder.Entity<RuleSetVersion>(e =>
        {
            e.ToTable("rule_set_versions");
            e.Property(x => x.Name).HasMaxLength(100);
            Unbounded(e.Property(x => x.Json));
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.HasIndex(x => new { x.Name, x.Version }).IsUnique();
        });
        modelBuilder.Entity<Product>(e =>
        {
            e.ToTable("products");
            e.Property(x => x.Category).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(ProductRules.MaxTitle);
            e.Property(x => x.Description).HasMaxLength(ProductRules.MaxDescription);
            e.Property(x => x.Currency).HasMaxLength(3);
            Money(e.Property(x => x.BasePrice), 2);
            e.HasOne<Supplier>().WithMany().HasForeignKey(x => x.SupplierId).OnDelete(DeleteBehavior.Restrict);
            // A supplier's own list; the buyers' list (listed, by category, newest first). Full text: the PostgreSQL migration.
            e.HasIndex(x => new { x.SupplierId, x.CreatedAt });
            e.HasIndex(x => new { x.IsListed, x.Category, x.ListedAt });
        });
        modelBuilder.Entity<ProductRevision>(e =>
        {
            e.ToTable("product_revisions");
            e.Property(x => x.Category).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(ProductRules.MaxTitle);
            e.Property(x => x.Description).HasMaxLength(ProductRules.MaxDescription);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.RejectionReason).HasMaxLength(ProductReviews.MaxReason);
            Money(e.Property(x => x.BasePrice), 2);
            e.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ProductId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.Status, x.SubmittedAt });
        });
        modelBuilder.Entity<StoredFile>(e =>
        {
            e.ToTable("files");
            e.Property(x => x.OriginalName).HasMaxLength(FileNames.MaxLength);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.StorageKey).HasMaxLength(300);
            e.HasIndex(x => x.StorageKey).IsUnique();
            // A record's files (a supplier's documents, a product's images).
            e.HasIndex(x => new { x.OwnerKind, x.OwnerId, x.UploadedAt });
        });
        modelBuilder.Entity<RuleSetRecord>(e =>
        {
            e.ToTable("rule_sets");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Input).HasMaxLength(50);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.Property(x => x.RenamedFrom).HasMaxLength(100);
        });
        modelBuilder.Entity<DocumentCounter>(e =>
        {
            e.ToTable("document_counters");
            e.HasKey(x => x.Prefix);
            e.Property(x => x.Prefix).HasMaxLength(30);
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                // snake_case columns like the engine's, for hand-written SQL and reports.
                property.SetColumnName(SnakeCase.Of(property.Name));
                // Ids are made in code (Guid v7): an entity reached through a navigation (a timeline entry) is then
                // inserted, not taken for an existing row.
                if (property.ClrType == typeof(Guid) && property.IsPrimaryKey())
                {
                    property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
                }
            }
        }
    }

    private static void Enum<TEnum>(ModelConfigurationBuilder builder)
        where TEnum : struct, System.Enum =>
        builder.Properties<TEnum>().HaveConversion<SnakeCaseEnumConverter<TEnum>>().HaveMaxLength(30);

    /// <summary>Long text (bodies, JSON): no length limit, overriding the 200-character default for strings.</summary>
    private static void Unbounded(PropertyBuilder property) => property.Metadata.SetMaxLength(null);

    private static void RequirementLists<T>(EntityTypeBuilder<T> e)
        where T : class
    {
        StringList(e.Property<List<string>>("RequiredCertifications"));
        StringList(e.Property<List<string>>("AllowedCountries"));
        StringList(e.Property<List<string>>("BlockedCountries"));
    }

    private static void StringList(PropertyBuilder<List<string>> property) =>
        property.HasConversion(StringListConversion.Converter, StringListConversion.Comparer).HasMaxLength(4000);

    /// <summary>
    /// Money: numeric(precision, scale) on PostgreSQL; SQLite has no decimal type, so its context stores every decimal
    /// as an INTEGER of 10^-scale units (see <see cref="Sqlite.SqliteMarketplaceDbContext"/>).
    /// </summary>
    private static void Money(PropertyBuilder<decimal> property, int scale, int precision = 12) => property.HasPrecision(precision, scale);

    private static void Money(PropertyBuilder<decimal?> property, int scale, int precision = 12) => property.HasPrecision(precision, scale);

    private void BumpOrderVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Order>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }
}
