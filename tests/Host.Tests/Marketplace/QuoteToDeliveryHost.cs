using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Marketplace.Email;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.TestSupport.Fakes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>Settings and database reads shared by the quote-to-delivery end-to-end tests.</summary>
internal static class QuoteToDeliveryHost
{
    public const string OpsEmail = "ops@sleek.test";

    /// <summary>The repository's templates and rules, SMTP (when given), AI and Stripe fakes (when given), a fast email dispatcher.</summary>
    public static Dictionary<string, string> Settings(SmtpCapture? smtp = null, FakeOpenAiServer? ai = null, FakeStripeServer? stripe = null)
    {
        var root = SourceTree.Root;
        var settings = new Dictionary<string, string>
        {
            ["Sleek:TemplatesDirectory"] = Path.Combine(root, "templates"),
            ["Sleek:RulesDirectory"] = Path.Combine(root, "rules"),
            ["Marketplace:OpsEmail"] = OpsEmail,
            ["Email:PollIntervalSeconds"] = "0.1",
        };
        if (smtp is not null)
        {
            settings["Smtp:Host"] = "127.0.0.1";
            settings["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Smtp:Security"] = "None";
        }

        if (ai is not null)
        {
            settings["Ai:Endpoint"] = ai.BaseUrl;
            settings["Ai:ApiKey"] = "sk-fake";
        }

        if (stripe is not null)
        {
            settings["Stripe:SecretKey"] = FakeStripeServer.SecretKey;
            settings["Stripe:WebhookSecret"] = FakeStripeServer.WebhookSecret;
            settings["Stripe:ApiBase"] = stripe.BaseUrl;
        }

        return settings;
    }

    /// <summary>The outbox rows of a quote's emails (quote and order), oldest first: (template, to, status).</summary>
    public static async Task<List<(string Template, string To, EmailStatus Status)>> EmailsAsync(SleekHost host, Guid quoteId, Guid? orderId)
    {
        await using var db = host.Services.GetRequiredService<MarketplaceDb>().CreateContext();
        var rows = await db.EmailMessages.AsNoTracking()
            .Where(e => e.QuoteId == quoteId || (orderId != null && e.OrderId == orderId))
            .Select(e => new { e.Template, e.To, e.Status, e.CreatedAt, e.Id })
            .ToListAsync();
        return [.. rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => (r.Template, r.To, r.Status))];
    }

    /// <summary>Makes every supplier answer offers by hand (the demo's auto-accepting ones included).</summary>
    public static async Task NoAutoAcceptAsync(SleekHost host)
    {
        await using var db = host.Services.GetRequiredService<MarketplaceDb>().CreateContext();
        await db.Suppliers.ExecuteUpdateAsync(s => s.SetProperty(x => x.AutoAccept, false));
    }
}
