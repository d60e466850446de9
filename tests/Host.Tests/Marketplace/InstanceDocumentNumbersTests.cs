using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.TestSupport.Fakes;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>
/// Instances name the quote and order they work for by number (issue 19, finding 4): the list and the view carry
/// references beside the raw correlation id, so people find "Q-2026-0001" instead of a UUID.
/// </summary>
public sealed class InstanceDocumentNumbersTests(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task The_instance_list_and_view_name_the_quote_and_then_the_order_by_number()
    {
        await using var smtp = await SmtpCapture.StartAsync();
        await using var ai = await FakeOpenAiServer.StartAsync();
        var host = NewHost(NewFolder().WithSample("quote-to-delivery"), settings: QuoteToDeliveryHost.Settings(smtp, ai));
        var client = new MarketplaceClient(new SleekApi(host.CreateClient()));

        var quote = await client.CreateQuoteAsync();
        var quoteId = MarketplaceClient.Str(quote, "id");
        var quoteNumber = MarketplaceClient.Str(quote, "number");
        var instanceId = MarketplaceClient.Str(quote, "instanceId");

        var listed = (await client.Api.GetJsonAsync($"/api/instances?correlationId={quoteId}"))["items"]!.AsArray().Single()!;
        Assert.Equal(instanceId, MarketplaceClient.Str(listed, "id"));
        var references = listed["references"]!.AsArray();
        Assert.Contains(references, r => MarketplaceClient.Str(r, "kind") == "quote" && MarketplaceClient.Str(r, "number") == quoteNumber && MarketplaceClient.Str(r, "id") == quoteId);

        var orderId = MarketplaceClient.Str(await client.AcceptAsync(quoteId), "orderId");
        var orderNumber = MarketplaceClient.Str(await client.OrderAsync(orderId), "number");
        var view = await client.Api.GetInstanceAsync(instanceId);
        var kinds = view["references"]!.AsArray().Select(r => $"{MarketplaceClient.Str(r, "kind")}:{MarketplaceClient.Str(r, "number")}").ToList();
        Assert.Equal([$"quote:{quoteNumber}", $"order:{orderNumber}"], kinds);

        // An instance that works for no document has none.
        var other = (await client.Api.GetJsonAsync("/api/instances?pageSize=100"))["items"]!.AsArray();
        Assert.All(other.Where(i => MarketplaceClient.Str(i, "id") != instanceId), i => Assert.True(i!["references"] is null || i["references"]!.AsArray().Count == 0));
    }
}
