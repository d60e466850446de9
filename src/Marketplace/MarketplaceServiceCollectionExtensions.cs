using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sleek.Workflows.Marketplace.Ai;
using Sleek.Workflows.Marketplace.Assistant;
using Sleek.Workflows.Marketplace.Email;
using Sleek.Workflows.Marketplace.Files;
using Sleek.Workflows.Marketplace.Parties;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace;

/// <summary>Registers the marketplace's services in a host that already has the engine (<c>AddSleekEngine</c>).</summary>
public static class MarketplaceServiceCollectionExtensions
{
    /// <summary>Where email templates are looked for when <c>Sleek:TemplatesDirectory</c> is unset (relative to the working directory).</summary>
    public const string DefaultTemplatesDirectory = "templates";

    /// <summary>
    /// Adds <see cref="MarketplaceDb"/> (on the engine's database), the email outbox (templates, transport,
    /// <see cref="EmailDispatcher"/>) and AI text, with their options bound from
    /// <paramref name="configuration"/>: <c>Marketplace</c>, <c>Smtp</c>, <c>Email</c>, <c>Ai</c>,
    /// <c>Sleek:DataDirectory</c> (the .eml outbox when no SMTP server is set) and
    /// <c>Sleek:TemplatesDirectory</c>. The email templates are loaded and checked here, so a broken one
    /// stops the host before it starts, with the file and line. The host runs
    /// <see cref="MarketplaceDb.MigrateAsync"/> and <see cref="MarketplaceDb.SeedAsync"/> at start-up, after the engine's migration.
    /// </summary>
    /// <exception cref="EmailTemplateException">The templates folder is missing or a template does not parse.</exception>
    public static IServiceCollection AddMarketplace(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MarketplaceDb>();
        // Who a workflow instance belongs to (its quote's and order's buyer, its order's supplier, whether that order is
        // on hold): what the host's authorization asks before anyone reads or resumes the instance.
        services.AddSingleton<PartyInstances>();
        services.AddSingleton<InstanceDocuments>();
        // The buyers' side of the product catalog (listed products only).
        services.AddSingleton<Catalog.ProductCatalog>();
        services.AddSingleton(configuration.GetSection(MarketplaceOptions.SectionName).Get<MarketplaceOptions>() ?? new MarketplaceOptions());

        // Email: rows are recorded by SendEmail in the burst and sent by the dispatcher after the commit.
        var smtp = configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions();
        var dataDirectory = configuration["Sleek:DataDirectory"] is { Length: > 0 } data ? data : "./data";
        services.AddSingleton(smtp);
        services.AddSingleton(configuration.GetSection(EmailDispatchOptions.SectionName).Get<EmailDispatchOptions>() ?? new EmailDispatchOptions());
        services.AddSingleton(EmailTemplates.Load(TemplatesDirectory(configuration)));
        services.TryAddSingleton<IEmailTransport>(sp => EmailTransportFactory.Create(smtp, dataDirectory, sp.GetService<TimeProvider>()));
        services.AddHostedService<EmailDispatcher>();

        // Files: a folder under the data directory, or an S3-compatible bucket when Files:S3:Bucket is set (a cluster needs that).
        var files = configuration.GetSection(FilesOptions.SectionName).Get<FilesOptions>() ?? new FilesOptions();
        services.AddSingleton(files);
        services.TryAddSingleton<IFileStore>(_ => files.S3.IsConfigured
            ? new S3FileStore(files.S3)
            : new FolderFileStore(Path.Combine(dataDirectory, "files")));
        services.AddSingleton(sp => new FileUploads(
            sp.GetRequiredService<MarketplaceDb>(), sp.GetRequiredService<IFileStore>(), files, sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<FileUploads>>()));

        // AI text: off unless Ai:Endpoint or Ai:ApiKey is set; every call's cost is logged and watched.
        var ai = configuration.GetSection(AiOptions.SectionName).Get<AiOptions>() ?? new AiOptions();
        services.AddSingleton(ai);
        services.AddSingleton(new AiCostCalculator(ai.Prices));
        services.AddSingleton(sp => new AiTextClient(ai, sp.GetRequiredService<AiCostCalculator>()));
        services.AddSingleton(new AiCostMonitor());
        services.AddSingleton<AiCostWatch>();
        // The quote assistant: the same endpoint with tool calling, and its per-user and per-IP daily token budgets.
        var assistant = configuration.GetSection(AssistantOptions.SectionName).Get<AssistantOptions>() ?? new AssistantOptions();
        services.AddSingleton(assistant);
        services.AddSingleton(sp => new AssistantModel(ai, assistant, sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        return services;
    }

    /// <summary>
    /// <c>Sleek:TemplatesDirectory</c> when set; else <c>./templates</c> when it exists (a run from the
    /// repository); else the copy next to the program (the Host's build output carries the templates).
    /// </summary>
    public static string TemplatesDirectory(IConfiguration configuration)
    {
        if (configuration["Sleek:TemplatesDirectory"] is { Length: > 0 } configured)
        {
            return configured;
        }

        return Directory.Exists(DefaultTemplatesDirectory)
            ? DefaultTemplatesDirectory
            : Path.Combine(AppContext.BaseDirectory, DefaultTemplatesDirectory);
    }
}
