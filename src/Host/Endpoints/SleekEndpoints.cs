using Scalar.AspNetCore;
using Sleek.Workflows.Host.Endpoints.Activities;
using Sleek.Workflows.Host.Assistant;
using Sleek.Workflows.Host.Endpoints.Analytics;
using Sleek.Workflows.Host.Endpoints.Assistant;
using Sleek.Workflows.Host.Endpoints.ApiKeys;
using Sleek.Workflows.Host.Endpoints.Audit;
using Sleek.Workflows.Host.Endpoints.Auth;
using Sleek.Workflows.Host.Endpoints.Bookmarks;
using Sleek.Workflows.Host.Endpoints.Catalog;
using Sleek.Workflows.Host.Endpoints.Events;
using Sleek.Workflows.Host.Endpoints.Health;
using Sleek.Workflows.Host.Endpoints.Hooks;
using Sleek.Workflows.Host.Endpoints.Incidents;
using Sleek.Workflows.Host.Endpoints.Instances;
using Sleek.Workflows.Host.Endpoints.Invoices;
using Sleek.Workflows.Host.Endpoints.Live;
using Sleek.Workflows.Host.Endpoints.Notifications;
using Sleek.Workflows.Host.Endpoints.OpenApi;
using Sleek.Workflows.Host.Endpoints.Orders;
using Sleek.Workflows.Host.Endpoints.Performance;
using Sleek.Workflows.Host.Endpoints.Portal;
using Sleek.Workflows.Host.Endpoints.Products;
using Sleek.Workflows.Host.Endpoints.Quotes;
using Sleek.Workflows.Host.Endpoints.Rules;
using Sleek.Workflows.Host.Endpoints.Suppliers;
using Sleek.Workflows.Host.Endpoints.Setup;
using Sleek.Workflows.Host.Endpoints.Tasks;
using Sleek.Workflows.Host.Endpoints.Users;
using Sleek.Workflows.Host.Endpoints.BulkOperations;
using Sleek.Workflows.Host.Endpoints.DraftReplay;
using Sleek.Workflows.Host.Endpoints.VersionMigrations;
using Sleek.Workflows.Host.Endpoints.Webhooks;
using Sleek.Workflows.Host.Endpoints.Workflows;
using Sleek.Workflows.Host.Notifications;
using Sleek.Workflows.Host.Portal;
using Sleek.Workflows.Host.Setup;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Host.Endpoints;

/// <summary>Every endpoint of the host, one folder per feature, and what they need registered.</summary>
internal static class SleekEndpoints
{
    /// <summary>The OpenAPI document, and the query and action classes of the features.</summary>
    public static IServiceCollection AddSleekEndpoints(this IServiceCollection services)
    {
        services.AddSleekOpenApi();
        services.AddSingleton<HealthQueries>();
        services.AddSingleton<OrderQueries>();
        services.AddSingleton<OrderActions>();
        services.AddSingleton<QuoteQueries>();
        // Buyer portal: claiming the quotes asked for without an account.
        services.AddSingleton<QuoteClaims>();
        services.AddSingleton<InvoiceQueries>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<UserQueries>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<JournalTail>();
        // The supplier portal: offers' deadlines, refused after them on every resume path.
        services.AddSingleton<OfferDeadlines>();
        services.AddSingleton<NotificationFeed>();
        services.AddSingleton<IResumeGuard, OfferDeadlineGuard>();
        services.AddSingleton<IResumeGuard, StageDelayGuard>();
        // The quote assistant: conversations, their turns, budgets and the ops hand-over.
        services.AddSingleton<AssistantConversations>();
        services.AddSingleton<AssistantBudget>();
        services.AddSingleton<AssistantHandover>();
        services.AddSingleton<AssistantTurns>();
        return services;
    }

    public static void MapSleekEndpoints(this WebApplication app)
    {
        // Anonymous by design (docs/architecture.md, README "Security"): the contract and its reference. Every other endpoint names a policy.
        app.MapOpenApi().AllowAnonymous();
        // The document declares bearer and API-key schemes: the reference offers both, a token first.
        app.MapScalarApiReference(options => options
                .WithTitle("Sleek Workflows API")
                .AddPreferredSecuritySchemes(SecurityTransformer.Bearer))
            .AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapSetupEndpoints();
        app.MapSleekTelemetry();
        app.MapActivitiesEndpoints();
        app.MapWorkflowsEndpoints();
        app.MapInstancesEndpoints();
        app.MapVersionMigrationsEndpoints();
        app.MapBookmarksEndpoints();
        app.MapTasksEndpoints();
        app.MapEventsEndpoints();
        app.MapHookEndpoints();
        app.MapIncidentsEndpoints();
        app.MapQuotesEndpoints();
        app.MapOrdersEndpoints();
        app.MapPerformanceEndpoints();
        app.MapAuthEndpoints();
        app.MapUsersEndpoints();
        app.MapApiKeysEndpoints();
        app.MapAuditEndpoints();
        app.MapRulesEndpoints();
        app.MapInvoicesEndpoints();
        app.MapSupplierDocumentEndpoints();
        app.MapSuppliersEndpoints();
        app.MapStripeWebhookEndpoints();
        app.MapAnalyticsEndpoints();
        // Buyer portal.
        app.MapQuoteClaimEndpoints();
        // Supplier portal, live streams and notifications.
        app.MapLiveEndpoints();
        app.MapPortalEndpoints();
        app.MapNotificationsEndpoints();
        // The quote assistant.
        app.MapAssistantEndpoints();
        // Bulk operations and draft replay (issue 16).
        app.MapBulkOperationsEndpoints();
        app.MapDraftReplayEndpoints();
        // The product catalog (issue 15): suppliers' products under ops approval, the buyers' search.
        app.MapProductsEndpoints();
        app.MapCatalogEndpoints();
        app.MapProductImageEndpoints();
        // Last: every endpoint's request delegate is built once, not once per reader (start-up time).
        BuiltOnceEndpointDataSource.Apply(app);
    }
}
