using System.Net;
using System.Text;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>The Stripe webhook needs no caller (Stripe cannot sign in), but a bad signature is refused and is a security event in the audit log.</summary>
public sealed class WebhookAuditTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_forged_stripe_webhook_is_refused_and_audited()
    {
        await using var kit = new SecurityKit(database, new Dictionary<string, string> { ["Stripe:WebhookSecret"] = "whsec_audit_test" });
        using var client = kit.Anonymous("203.0.113.77");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe")
        {
            Content = new StringContent("""{"id":"evt_forged","type":"payment_intent.succeeded"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Stripe-Signature", "t=1,v1=deadbeef");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var entry = Assert.Single(await kit.AuditAsync("action=webhook.bad_signature"))!;
        Assert.Equal("denied", entry["outcome"]!.GetValue<string>());
        Assert.Equal("203.0.113.77", entry["ip"]!.GetValue<string>());
        Assert.Equal("anonymous", entry["actor"]!.GetValue<string>());
    }
}
