using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>
/// A quote asked for without an account, opened and accepted by the capability link its e-mail carries (never as admin):
/// every link in the e-mails is on <c>Marketplace:PublicUrl</c> and opens the right page; a tampered, expired or other
/// quote's token is a 404 and an audit entry; the discount follow-up's 10 % reaches the order and its invoices.
/// </summary>
public sealed partial class QuoteLinkScenario(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    private const string PublicUrl = "https://shop.example";

    [Fact]
    public async Task Anonymous_buyer_opens_and_accepts_the_quote_by_its_emailed_link_and_every_link_uses_the_public_url()
    {
        var host = NewHost(NewFolder().WithSample("quote-to-delivery"), settings: Settings());
        var ops = new MarketplaceClient(new SleekApi(host.CreateClient()));
        using var anonymous = host.CreateAnonymousClient();
        var buyer = new MarketplaceClient(new SleekApi(anonymous));
        var quoteId = MarketplaceClient.Str(await buyer.CreateQuoteAsync(), "id");

        var link = await LinkInAsync(host, "quote-confirmation", $"{PublicUrl}/quotes/{quoteId}?token=");
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        // Ops get the quote's page on the public address, without the buyer's token.
        var opsBody = await BodyAsync(host, "ops-new-quote", $"{PublicUrl}/quotes/{quoteId}");
        Assert.DoesNotContain("localhost", opsBody, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", opsBody, StringComparison.Ordinal);

        // Without the token the quote is hidden from the anonymous buyer; with it, it opens and accepts.
        using (var hidden = await anonymous.GetAsync(new Uri($"/api/quotes/{quoteId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, hidden.StatusCode);
        }

        var shown = await SleekApi.ExpectAsync(await anonymous.GetAsync(new Uri($"/api/quotes/{quoteId}/link?token={Uri.EscapeDataString(token)}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("quote_sent", MarketplaceClient.Str(shown, "status"));
        var accepted = await SleekApi.ExpectAsync(await AcceptByLinkAsync(anonymous, quoteId, token), HttpStatusCode.OK);
        var orderId = MarketplaceClient.Str(accepted, "orderId");
        await SleekApi.ExpectProblemAsync(await AcceptByLinkAsync(anonymous, quoteId, token), HttpStatusCode.Conflict);

        await LinkInAsync(host, "order-confirmation", $"{PublicUrl}/orders/{orderId}");
        var invoiceId = MarketplaceClient.Str((await ops.Api.GetJsonAsync($"/api/orders/{orderId}/invoices")).AsArray()[0], "invoiceId");
        await LinkInAsync(host, "invoice", $"{PublicUrl}/orders/{orderId}?invoice={invoiceId}");

        Assert.Equal("accepted", MarketplaceClient.Str(await ops.Api.GetJsonAsync($"/api/quotes/{quoteId}"), "status"));
    }

    [Fact]
    public async Task Tampered_expired_and_other_quote_tokens_get_404_and_are_audited()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = NewHost(NewFolder().WithSample("quote-to-delivery"), clock, settings: Settings());
        var ops = new MarketplaceClient(new SleekApi(host.CreateClient()));
        using var anonymous = host.CreateAnonymousClient();
        var buyer = new MarketplaceClient(new SleekApi(anonymous));
        var first = MarketplaceClient.Str(await buyer.CreateQuoteAsync(), "id");
        var firstLink = await LinkInAsync(host, "quote-confirmation", $"{PublicUrl}/quotes/{first}?token=");
        var token = Uri.UnescapeDataString(firstLink[(firstLink.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var second = MarketplaceClient.Str(await buyer.CreateQuoteAsync(MarketplaceClient.WorkedExample("other@example.com")), "id");

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var flipped = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var longer = (long.Parse(token[..dot], System.Globalization.CultureInfo.InvariantCulture) + 86400 * 365) + token[dot..];
        string[] forged = [flipped, longer, "", "not-a-token", token.Replace('.', ':')];
        foreach (var bad in forged)
        {
            await SleekApi.ExpectProblemAsync(await anonymous.GetAsync(new Uri($"/api/quotes/{first}/link?token={Uri.EscapeDataString(bad)}", UriKind.Relative)), HttpStatusCode.NotFound);
            await SleekApi.ExpectProblemAsync(await AcceptByLinkAsync(anonymous, first, bad), HttpStatusCode.NotFound);
        }

        // The first quote's token opens neither the second quote's page nor its acceptance.
        await SleekApi.ExpectProblemAsync(await anonymous.GetAsync(new Uri($"/api/quotes/{second}/link?token={Uri.EscapeDataString(token)}", UriKind.Relative)), HttpStatusCode.NotFound);
        await SleekApi.ExpectProblemAsync(await AcceptByLinkAsync(anonymous, second, token), HttpStatusCode.NotFound);
        Assert.Equal("quote_sent", MarketplaceClient.Str(await ops.Api.GetJsonAsync($"/api/quotes/{second}"), "status"));

        // Still good a day later; refused once its 30 days are over.
        clock.Advance(TimeSpan.FromDays(1));
        await SleekApi.ExpectAsync(await anonymous.GetAsync(new Uri($"/api/quotes/{first}/link?token={Uri.EscapeDataString(token)}", UriKind.Relative)), HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromDays(30));
        await SleekApi.ExpectProblemAsync(await anonymous.GetAsync(new Uri($"/api/quotes/{first}/link?token={Uri.EscapeDataString(token)}", UriKind.Relative)), HttpStatusCode.NotFound);

        var audit = (await ops.Api.GetJsonAsync("/api/audit?action=quote_link.refused&pageSize=100"))["items"]!.AsArray();
        Assert.Contains(audit, e => e!["target"]!.GetValue<string>() == $"quote={first}" && e["details"]!.GetValue<string>().EndsWith("bad signature", StringComparison.Ordinal));
        Assert.Contains(audit, e => e!["target"]!.GetValue<string>() == $"quote={first}" && e["details"]!.GetValue<string>().EndsWith("malformed", StringComparison.Ordinal));
        Assert.Contains(audit, e => e!["target"]!.GetValue<string>() == $"quote={first}" && e["details"]!.GetValue<string>().EndsWith("expired", StringComparison.Ordinal));
        Assert.Contains(audit, e => e!["target"]!.GetValue<string>() == $"quote={second}");
        Assert.True(audit.Count >= (forged.Length * 2) + 3, $"{audit.Count} refusals audited");
    }

    [Fact]
    public async Task A_flood_of_link_requests_from_one_IP_is_stopped_with_429_before_it_writes_audit_rows()
    {
        // Counters live in the database the class's tests share, per IP and minute: a minute no other test uses.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(1000));
        var settings = Settings();
        settings["RateLimits:QuoteLinksPerIpPerMinute"] = "4";
        var host = NewHost(NewFolder().WithSample("quote-to-delivery"), clock, settings: settings);
        var ops = new MarketplaceClient(new SleekApi(host.CreateClient()));
        using var anonymous = host.CreateAnonymousClient();
        var quoteId = MarketplaceClient.Str(await new MarketplaceClient(new SleekApi(anonymous)).CreateQuoteAsync(), "id");
        var link = await LinkInAsync(host, "quote-confirmation", $"{PublicUrl}/quotes/{quoteId}?token=");
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var refusedBefore = await RefusalCountAsync(ops);

        // A script trying forged tokens: the first four are refused as usual (404, audited), then the IP is stopped.
        for (var i = 0; i < 4; i++)
        {
            await SleekApi.ExpectProblemAsync(await anonymous.GetAsync(new Uri($"/api/quotes/{quoteId}/link?token=forged-{i}", UriKind.Relative)), HttpStatusCode.NotFound);
        }

        using (var stopped = await AcceptByLinkAsync(anonymous, quoteId, "forged-5"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, stopped.StatusCode);
            Assert.True(stopped.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
            Assert.Equal("application/problem+json", stopped.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(refusedBefore + 4, await RefusalCountAsync(ops));

        // The next minute the real link works again, and the quote was never touched meanwhile.
        clock.Advance(TimeSpan.FromMinutes(1));
        await SleekApi.ExpectAsync(await anonymous.GetAsync(new Uri($"/api/quotes/{quoteId}/link?token={Uri.EscapeDataString(token)}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("quote_sent", MarketplaceClient.Str(await ops.Api.GetJsonAsync($"/api/quotes/{quoteId}"), "status"));
    }

    private static async Task<int> RefusalCountAsync(MarketplaceClient ops) =>
        (await ops.Api.GetJsonAsync("/api/audit?action=quote_link.refused&pageSize=1"))["total"]!.GetValue<int>();

    /// <summary>
    /// v1 works the discount out in the workflow at acceptance; since v3 the discount follow-up records it on the quote
    /// first, so the quote's page (by the e-mail's link) shows the discounted total before the buyer accepts.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Accepting_after_the_discount_follow_up_gives_the_discounted_total_on_the_order_and_its_invoices(int version)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var folder = NewFolder().WithFile("quote-to-delivery", version, File.ReadAllText(Path.Combine(SourceTree.Root, "workflows", "quote-to-delivery", $"v{version}.json")));
        var host = NewHost(folder, clock, settings: Settings());
        var ops = new MarketplaceClient(new SleekApi(host.CreateClient()));
        using var anonymous = host.CreateAnonymousClient();
        var quote = await new MarketplaceClient(new SleekApi(anonymous)).CreateQuoteAsync();
        var quoteId = MarketplaceClient.Str(quote, "id");
        var total = quote["total"]!.GetValue<decimal>();
        for (var sent = 1; sent <= 2; sent++)
        {
            clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
            var expected = sent;
            await Eventually.UntilAsync(
                async () => (await QuoteToDeliveryHost.EmailsAsync(host, Guid.Parse(quoteId), null)).Count(e => e.Template.StartsWith("lead-", StringComparison.Ordinal)),
                count => count == expected,
                $"{expected} follow-ups",
                count => count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var discountEmail = await BodyAsync(host, "lead-follow-up-discount", $"{PublicUrl}/quotes/{quoteId}?token=");
        var link = LinkRegex().Match(discountEmail).Value;
        Assert.StartsWith($"{PublicUrl}/quotes/{quoteId}?token=", link, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var discounted = Math.Round(total * 0.9m, 2, MidpointRounding.AwayFromZero);
        Assert.Contains(discounted.ToString("N2", System.Globalization.CultureInfo.InvariantCulture), discountEmail, StringComparison.Ordinal);
        var shown = await SleekApi.ExpectAsync(await anonymous.GetAsync(new Uri($"/api/quotes/{quoteId}/link?token={Uri.EscapeDataString(token)}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(total, shown["total"]!.GetValue<decimal>());
        if (version >= 3)
        {
            Assert.Equal(10, shown["discountPercent"]!.GetValue<int>());
            Assert.Equal(discounted, shown["discountedTotal"]!.GetValue<decimal>());
        }

        var orderId = MarketplaceClient.Str(await SleekApi.ExpectAsync(await AcceptByLinkAsync(anonymous, quoteId, token), HttpStatusCode.OK), "orderId");

        var order = await ops.OrderAsync(orderId);
        Assert.Equal(discounted, order["total"]!.GetValue<decimal>());
        var deposit = (await ops.Api.GetJsonAsync($"/api/orders/{orderId}/invoices")).AsArray()[0]!;
        Assert.Equal("deposit", MarketplaceClient.Str(deposit, "kind"));
        Assert.Equal(Math.Round(discounted * 0.3m, 2, MidpointRounding.AwayFromZero), deposit["amount"]!.GetValue<decimal>());
        Assert.Contains(order["timeline"]!.AsArray(), e => e!["reason"]?.GetValue<string>()?.Contains("10 % discount", StringComparison.Ordinal) == true);
    }

    private static Dictionary<string, string> Settings()
    {
        var settings = QuoteToDeliveryHost.Settings();
        settings["Marketplace:PublicUrl"] = PublicUrl + "/";
        return settings;
    }

    private static Task<HttpResponseMessage> AcceptByLinkAsync(HttpClient client, string quoteId, string token) =>
        client.PostAsJsonAsync(new Uri($"/api/quotes/{quoteId}/link/accept?token={Uri.EscapeDataString(token)}", UriKind.Relative), new JsonObject());

    /// <summary>The first link in the newest e-mail of <paramref name="template"/>, which must start with <paramref name="prefix"/>.</summary>
    private static async Task<string> LinkInAsync(SleekHost host, string template, string prefix)
    {
        var body = await BodyAsync(host, template, prefix);
        var link = LinkRegex().Matches(body).Select(m => m.Value).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(link is not null, $"no link starting with {prefix} in the {template} e-mail:\n{body}");
        return link!;
    }

    /// <summary>The newest e-mail of <paramref name="template"/> whose text contains <paramref name="containing"/> (other tests' quotes share the database).</summary>
    private static async Task<string> BodyAsync(SleekHost host, string template, string containing)
    {
        string? body = null;
        await Eventually.UntilAsync(
            async () =>
            {
                await using var db = host.Services.GetRequiredService<MarketplaceDb>().CreateContext();
                body = await db.EmailMessages.AsNoTracking().Where(e => e.Template == template && e.TextBody.Contains(containing)).OrderByDescending(e => e.CreatedAt).Select(e => e.TextBody).FirstOrDefaultAsync();
                return body;
            },
            text => text is not null,
            $"a {template} e-mail",
            text => text ?? "none");
        return body!;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkRegex();
}
