using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>
/// POST /api/quotes through the real host: the worked example priced and stored by the workflow's first
/// burst, every bad field named with nothing stored, hostile text refused or kept verbatim, an
/// Idempotency-Key repeat answered with the same quote, accept once then 409.
/// </summary>
public abstract class QuoteApiScenario(TestDatabase database) : HostScenario(database)
{
    private (MarketplaceClient Client, SleekHost Host) Start()
    {
        var host = NewHost(NewFolder().With(SpineDefinitions.MiniSpine()));
        return (new MarketplaceClient(new SleekApi(host.CreateClient())), host);
    }

    [Fact]
    public async Task Worked_example_is_priced_stored_and_sent_by_the_workflow()
    {
        var (client, _) = Start();
        using var response = await client.PostQuoteAsync(MarketplaceClient.WorkedExample());
        var quote = await SleekApi.ExpectAsync(response, HttpStatusCode.Created);

        Assert.Equal(1296.75m, quote["total"]!.GetValue<decimal>());
        Assert.Equal(8.645m, quote["unitPrice"]!.GetValue<decimal>());
        // 7 sampling + ceil(1.5 × 4) = 6 production + ceil(0.6) = 1 buffer.
        Assert.Equal(14, quote["leadTimeDays"]!.GetValue<int>());
        Assert.Equal("t_shirt", MarketplaceClient.Str(quote, "productType"));
        Assert.Equal("medium", MarketplaceClient.Str(quote, "complexity"));
        Assert.Equal("USD", MarketplaceClient.Str(quote, "currency"));
        Assert.Equal("quote_sent", MarketplaceClient.Str(quote, "status"));
        Assert.Matches(@"^Q-\d{4}-\d{4}$", MarketplaceClient.Str(quote, "number"));
        var id = MarketplaceClient.Str(quote, "id");
        Assert.Equal($"/api/quotes/{id}", response.Headers.Location?.OriginalString);

        var instance = await client.Api.GetInstanceAsync(MarketplaceClient.Str(quote, "instanceId"));
        Assert.Equal(id, instance["correlationId"]!.GetValue<string>());
        Assert.Equal("Suspended", SleekApi.Status(instance));
        Assert.Equal(quote.ToJsonString(), (await client.Api.GetJsonAsync($"/api/quotes/{id}")).ToJsonString());
    }

    [Theory]
    [InlineData("productType", null)]
    [InlineData("productType", "spaceship")]
    [InlineData("quantity", null)]
    [InlineData("quantity", 49)]
    [InlineData("quantity", 100001)]
    [InlineData("quantity", 150.5)]
    [InlineData("complexity", "extreme")]
    [InlineData("email", null)]
    [InlineData("email", "not-an-address")]
    [InlineData("email", "someone@mailinator.com")]
    [InlineData("fabric", "x101")]
    [InlineData("requirements", "x2001")]
    [InlineData("name", "x101")]
    public async Task Bad_field_is_named_in_a_400_and_nothing_is_stored(string field, object? value)
    {
        var (client, host) = Start();
        var body = MarketplaceClient.WorkedExample();
        body[field] = value is string s && s.StartsWith('x') && int.TryParse(s[1..], out var length)
            ? new string('a', length)
            : JsonValue.Create(value);
        var before = await CountAsync(host);

        using var response = await client.PostQuoteAsync(body);

        await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await CountAsync(host));
    }

    [Fact]
    public async Task All_bad_fields_are_named_at_once_and_a_wrong_type_names_its_field()
    {
        var (client, host) = Start();
        var before = await CountAsync(host);
        using (var response = await client.PostQuoteAsync(new { productType = "", quantity = 10, complexity = "?", email = "x" }))
        {
            await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "productType", "quantity", "complexity", "email");
        }

        using (var response = await client.Api.PostRawAsync("/api/quotes", """{"productType":"t_shirt","quantity":"many","email":"a@example.com"}"""))
        {
            await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "quantity");
        }

        using (var response = await client.Api.PostRawAsync("/api/quotes", ""))
        {
            await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        }

        Assert.Equal(before, await CountAsync(host));
    }

    [Fact]
    public async Task Hostile_text_is_refused_when_too_long_and_otherwise_stored_verbatim()
    {
        var (client, host) = Start();
        var before = await CountAsync(host);
        foreach (var field in new[] { "productType", "fabric", "requirements", "name", "email" })
        {
            var body = MarketplaceClient.WorkedExample();
            body[field] = "<script>alert(1)</script>" + new string('x', 10 * 1024);
            using var response = await client.PostQuoteAsync(body);
            await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
        }

        Assert.Equal(before, await CountAsync(host));

        var hostile = MarketplaceClient.WorkedExample();
        hostile["requirements"] = "<script>alert('x')</script> '; DROP TABLE quotes; -- \"quoted\" & <b>bold</b>";
        hostile["name"] = "Robert'); DROP TABLE orders;--";
        hostile["fabric"] = "<img src=x onerror=alert(1)>";
        var quote = await client.CreateQuoteAsync(hostile);
        var stored = await client.Api.GetJsonAsync($"/api/quotes/{quote["id"]}");
        Assert.Equal(hostile["requirements"]!.GetValue<string>(), MarketplaceClient.Str(stored, "requirements"));
        Assert.Equal(hostile["name"]!.GetValue<string>(), MarketplaceClient.Str(stored, "name"));
        Assert.Equal(hostile["fabric"]!.GetValue<string>(), MarketplaceClient.Str(stored, "fabric"));
        // The tables are still there and hold exactly one more quote.
        Assert.Equal(before.Quotes + 1, (await CountAsync(host)).Quotes);
    }

    [Fact]
    public async Task Idempotency_key_repeat_gets_the_same_quote_and_starts_nothing()
    {
        var (client, host) = Start();
        var before = await CountAsync(host);
        using var first = await client.PostQuoteAsync(MarketplaceClient.WorkedExample(), "quote-key-1");
        var quote = await SleekApi.ExpectAsync(first, HttpStatusCode.Created);

        using var again = await client.PostQuoteAsync(MarketplaceClient.WorkedExample(), "quote-key-1");
        var repeat = await SleekApi.ExpectAsync(again, HttpStatusCode.Created);

        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(quote.ToJsonString(), repeat.ToJsonString());
        Assert.Equal((before.Quotes + 1, before.Instances + 1), await CountAsync(host));

        var other = MarketplaceClient.WorkedExample();
        other["quantity"] = 200;
        using var mismatch = await client.PostQuoteAsync(other, "quote-key-1");
        await SleekApi.ExpectProblemAsync(mismatch, (HttpStatusCode)422, "Idempotency-Key");
    }

    [Fact]
    public async Task Accept_creates_the_order_once_and_a_second_accept_is_409_with_the_quote()
    {
        var (client, _) = Start();
        var quote = await client.CreateQuoteAsync();
        var id = MarketplaceClient.Str(quote, "id");

        var accepted = await client.AcceptAsync(id);
        Assert.Equal("accepted", MarketplaceClient.Str(accepted, "status"));
        var orderId = MarketplaceClient.Str(accepted, "orderId");
        var order = await client.OrderAsync(orderId);
        Assert.Matches(@"^ORD-\d{4}-\d{4}$", MarketplaceClient.Str(order, "number"));
        Assert.Equal("quote_sent", MarketplaceClient.Str(order, "status"));
        Assert.Equal(1296.75m, order["total"]!.GetValue<decimal>());
        Assert.Equal(MarketplaceClient.Str(quote, "number"), MarketplaceClient.Str(order, "quoteNumber"));
        var created = order["timeline"]!.AsArray()[0]!;
        Assert.Equal("created", MarketplaceClient.Str(created, "action"));
        Assert.Equal($"created from quote {quote["number"]}", MarketplaceClient.Str(created, "reason"));

        using var again = await client.Api.PostAsync($"/api/quotes/{id}/accept");
        var problem = await SleekApi.ExpectProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(orderId, problem["current"]!["orderId"]!.GetValue<string>());

        using var unknown = await client.Api.PostAsync($"/api/quotes/{Guid.NewGuid()}/accept");
        await SleekApi.ExpectProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    private static async Task<(int Quotes, int Instances)> CountAsync(SleekHost host)
    {
        await using var db = host.Services.GetRequiredService<MarketplaceDb>().CreateContext();
        var quotes = await db.Quotes.CountAsync();
        var client = new SleekApi(host.CreateClient());
        var instances = (await client.GetJsonAsync("/api/instances?definitionId=quote-to-delivery&pageSize=1"))["total"]!.GetValue<int>();
        return (quotes, instances);
    }
}

public sealed class QuoteApiOnPostgres(PostgresDatabase database) : QuoteApiScenario(database), IClassFixture<PostgresDatabase>;

public sealed class QuoteApiOnSqlite(SqliteDatabase database) : QuoteApiScenario(database), IClassFixture<SqliteDatabase>;
