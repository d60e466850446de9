using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Marketplace.Persistence;
using UglyToad.PdfPig;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>
/// The buyer portal's API as the buyer: registering with the address of earlier anonymous quotes sends a claim link to
/// it; the link moves them (and their orders) into the account, where the buyer lists and accepts them; the invoice's
/// PDF carries its number, lines, due date and amounts, for that buyer and ops only.
/// </summary>
public sealed partial class BuyerPortalScenario(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    private const string Password = "correct-horse-battery-9";

    [Fact]
    public async Task Registering_claims_earlier_anonymous_quotes_by_the_emailed_link_and_the_buyer_then_accepts_and_downloads_the_invoice_pdf()
    {
        var host = NewHost(NewFolder().WithSample("quote-to-delivery"), settings: QuoteToDeliveryHost.Settings());
        var ops = new SleekApi(host.CreateClient());
        using var anonymous = host.CreateAnonymousClient();
        anonymous.DefaultRequestHeaders.Add(TestClientIp.Header, "10.14.0.1");
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        var buyerQuotes = new MarketplaceClient(new SleekApi(anonymous));
        var first = MarketplaceClient.Str(await buyerQuotes.CreateQuoteAsync(MarketplaceClient.WorkedExample(email)), "id");
        var second = MarketplaceClient.Str(await buyerQuotes.CreateQuoteAsync(MarketplaceClient.WorkedExample(email.ToUpperInvariant())), "id");
        var strangers = MarketplaceClient.Str(await buyerQuotes.CreateQuoteAsync(MarketplaceClient.WorkedExample("someone-else@example.com")), "id");

        await SleekApi.ExpectAsync(await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = Password, role = "buyer" }), HttpStatusCode.Created);
        var body = await ClaimEmailAsync(host, email);
        Assert.Contains("2 quote(s)", body, StringComparison.Ordinal);
        var link = LinkRegex().Match(body).Value;
        Assert.StartsWith("http://localhost:5080/claim-quotes?token=", link, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

        using var buyer = host.CreateAnonymousClient();
        buyer.As(await TestAuth.LoginAsync(buyer, email, Password));
        Assert.Equal(0, (await SleekApi.ExpectAsync(await buyer.GetAsync(new Uri("/api/quotes", UriKind.Relative)), HttpStatusCode.OK))["total"]!.GetValue<int>());
        await SleekApi.ExpectProblemAsync(await buyer.GetAsync(new Uri($"/api/quotes/{first}", UriKind.Relative)), HttpStatusCode.NotFound);

        // Another buyer cannot use the link, nor can a tampered one be used: 400 naming the token.
        using var other = host.CreateAnonymousClient();
        other.DefaultRequestHeaders.Add(TestClientIp.Header, "10.14.0.2");
        var otherEmail = $"eve-{Guid.NewGuid():N}@example.com";
        await SleekApi.ExpectAsync(await other.PostAsJsonAsync("/api/auth/register", new { email = otherEmail, password = Password, role = "buyer" }), HttpStatusCode.Created);
        other.As(await TestAuth.LoginAsync(other, otherEmail, Password));
        await SleekApi.ExpectProblemAsync(await other.PostAsJsonAsync("/api/portal/claim-quotes", new { token }), HttpStatusCode.BadRequest, "token");
        await SleekApi.ExpectProblemAsync(await buyer.PostAsJsonAsync("/api/portal/claim-quotes", new { token = token + "x" }), HttpStatusCode.BadRequest, "token");
        await SleekApi.ExpectProblemAsync(await buyer.PostAsJsonAsync("/api/portal/claim-quotes", new { token = "" }), HttpStatusCode.BadRequest, "token");

        var claimed = await SleekApi.ExpectAsync(await buyer.PostAsJsonAsync("/api/portal/claim-quotes", new { token }), HttpStatusCode.OK);
        Assert.Equal(2, claimed["quotes"]!.GetValue<int>());
        var mine = (await SleekApi.ExpectAsync(await buyer.GetAsync(new Uri("/api/quotes", UriKind.Relative)), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(new[] { first, second }.Order(), mine.Select(q => MarketplaceClient.Str(q, "id")).Order());
        Assert.DoesNotContain(mine, q => MarketplaceClient.Str(q, "id") == strangers);

        // The buyer now acts on the claimed quote as its owner; the order is theirs.
        using var accepted = await buyer.PostAsJsonAsync(new Uri($"/api/quotes/{first}/accept", UriKind.Relative), new JsonObject());
        var orderId = MarketplaceClient.Str(await SleekApi.ExpectAsync(accepted, HttpStatusCode.OK), "orderId");
        var orders = (await SleekApi.ExpectAsync(await buyer.GetAsync(new Uri("/api/orders", UriKind.Relative)), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(orderId, MarketplaceClient.Str(Assert.Single(orders), "id"));

        var deposit = (await SleekApi.ExpectAsync(await buyer.GetAsync(new Uri($"/api/orders/{orderId}/invoices", UriKind.Relative)), HttpStatusCode.OK)).AsArray()[0]!;
        var invoiceId = MarketplaceClient.Str(deposit, "invoiceId");
        using var pdf = await buyer.GetAsync(new Uri($"/api/invoices/{invoiceId}/pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfText(await pdf.Content.ReadAsByteArrayAsync());
        var order = await SleekApi.ExpectAsync(await buyer.GetAsync(new Uri($"/api/orders/{orderId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Contains(MarketplaceClient.Str(deposit, "number"), text, StringComparison.Ordinal);
        Assert.Contains(MarketplaceClient.Str(order, "number"), text, StringComparison.Ordinal);
        Assert.Contains(deposit["amount"]!.GetValue<decimal>().ToString("N2", CultureInfo.InvariantCulture) + " USD", text, StringComparison.Ordinal);
        Assert.Contains(order["total"]!.GetValue<decimal>().ToString("N2", CultureInfo.InvariantCulture) + " USD", text, StringComparison.Ordinal);
        Assert.Contains(MarketplaceClient.Str(deposit, "dueAt")[..10], text, StringComparison.Ordinal);
        Assert.Contains("30 % deposit", text, StringComparison.Ordinal);

        // The other buyer gets nothing; ops get the same document.
        await SleekApi.ExpectProblemAsync(await other.GetAsync(new Uri($"/api/invoices/{invoiceId}/pdf", UriKind.Relative)), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await ops.GetAsync($"/api/invoices/{invoiceId}/pdf")).StatusCode);
    }

    [Fact]
    public async Task Ops_lists_quotes_and_orders_with_filters_and_bad_filters_name_the_field()
    {
        var host = NewHost(NewFolder().WithSample("quote-to-delivery"), settings: QuoteToDeliveryHost.Settings());
        var ops = new SleekApi(host.CreateClient());
        var client = new MarketplaceClient(ops);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var a = await client.CreateQuoteAsync(MarketplaceClient.WorkedExample($"list-{tag}-a@example.com"));
        await client.CreateQuoteAsync(MarketplaceClient.WorkedExample($"list-{tag}-b@example.com"));
        var orderId = MarketplaceClient.Str(await client.AcceptAsync(MarketplaceClient.Str(a, "id")), "orderId");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var found = await ops.GetJsonAsync($"/api/quotes?search=list-{tag}&from={today}&to={today}&pageSize=1");
        Assert.Equal(2, found["total"]!.GetValue<int>());
        Assert.Single(found["items"]!.AsArray());
        Assert.Equal(1, (await ops.GetJsonAsync($"/api/quotes?search=list-{tag}&status=accepted"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await ops.GetJsonAsync($"/api/quotes?search=list-{tag}&from=2000-01-01&to=2000-01-02"))["total"]!.GetValue<int>());
        var orders = await ops.GetJsonAsync($"/api/orders?search={tag}&from={today}");
        Assert.Equal(orderId, MarketplaceClient.Str(Assert.Single(orders["items"]!.AsArray()), "id"));

        await SleekApi.ExpectProblemAsync(await ops.GetAsync("/api/quotes?status=maybe"), HttpStatusCode.BadRequest, "status");
        await SleekApi.ExpectProblemAsync(await ops.GetAsync($"/api/quotes?search={new string('x', 300)}"), HttpStatusCode.BadRequest, "search");
        await SleekApi.ExpectProblemAsync(await ops.GetAsync("/api/quotes?from=2026-02-02&to=2026-02-01"), HttpStatusCode.BadRequest, "to");
        await SleekApi.ExpectProblemAsync(await ops.GetAsync("/api/orders?from=2026-02-02&to=2026-02-01"), HttpStatusCode.BadRequest, "to");
        await SleekApi.ExpectProblemAsync(await ops.GetAsync("/api/quotes?pageSize=0"), HttpStatusCode.BadRequest, "pageSize");
        await SleekApi.ExpectProblemAsync(await ops.GetAsync("/api/quotes?from=yesterday"), HttpStatusCode.BadRequest, "from");
    }

    private static string PdfText(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private static async Task<string> ClaimEmailAsync(SleekHost host, string to)
    {
        string? body = null;
        await Eventually.UntilAsync(
            async () =>
            {
                await using var db = host.Services.GetRequiredService<MarketplaceDb>().CreateContext();
                body = await db.EmailMessages.AsNoTracking().Where(e => e.Template == "quote-claim" && e.To == to).Select(e => e.TextBody).FirstOrDefaultAsync();
                return body;
            },
            text => text is not null,
            $"a quote-claim e-mail to {to}",
            text => text ?? "none");
        return body!;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkRegex();
}
