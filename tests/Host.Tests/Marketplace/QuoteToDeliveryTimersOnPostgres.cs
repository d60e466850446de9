using System.Net;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>
/// The timed paths of workflows/quote-to-delivery/v1.json on PostgreSQL with a fake clock: follow-ups
/// (gentle, discount, urgent) then expiry; a declined offer goes to the next candidate; a stage past its
/// planned end raises a delay alert to ops and is reported late.
/// </summary>
public sealed class QuoteToDeliveryTimersOnPostgres(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Unaccepted_quote_gets_three_follow_ups_then_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = NewHost(NewFolder().WithSample("quote-to-delivery"), clock, settings: QuoteToDeliveryHost.Settings());
        var client = new MarketplaceClient(new SleekApi(host.CreateClient()));
        var quote = await client.CreateQuoteAsync();
        var quoteId = Guid.Parse(MarketplaceClient.Str(quote, "id"));

        string[] followUps = ["lead-follow-up-gentle", "lead-follow-up-discount", "lead-follow-up-urgent"];
        for (var i = 0; i < followUps.Length; i++)
        {
            clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
            var expected = followUps[..(i + 1)];
            await Eventually.UntilAsync(
                async () => (await QuoteToDeliveryHost.EmailsAsync(host, quoteId, null)).Select(e => e.Template).Where(t => t.StartsWith("lead-", StringComparison.Ordinal)).ToList(),
                templates => templates.SequenceEqual(expected),
                $"follow-ups {string.Join(", ", expected)}",
                templates => string.Join(", ", templates));
        }

        Assert.Equal("quote_sent", MarketplaceClient.Str(await client.Api.GetJsonAsync($"/api/quotes/{quoteId}"), "status"));
        clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await client.Api.WaitForStatusAsync(MarketplaceClient.Str(quote, "instanceId"), "Completed");
        Assert.Equal("expired", MarketplaceClient.Str(await client.Api.GetJsonAsync($"/api/quotes/{quoteId}"), "status"));

        using var late = await client.Api.PostAsync($"/api/quotes/{quoteId}/accept");
        var problem = await SleekApi.ExpectProblemAsync(late, HttpStatusCode.Conflict);
        Assert.Equal("expired", problem["current"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Declined_offer_goes_to_the_next_candidate_and_a_late_stage_alerts_ops()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = NewHost(NewFolder().WithSample("quote-to-delivery"), clock, settings: QuoteToDeliveryHost.Settings());
        await QuoteToDeliveryHost.NoAutoAcceptAsync(host);
        var client = new MarketplaceClient(new SleekApi(host.CreateClient()));
        var quote = await client.CreateQuoteAsync();
        var orderId = MarketplaceClient.Str(await client.AcceptAsync(MarketplaceClient.Str(quote, "id")), "orderId");
        var driver = new FullPathDriver(client, orderId);

        var first = (await driver.RunAsync(() => Task.FromResult(false), stopAt: "New order"))!;
        await client.CompleteOkAsync(first, new { outcome = "Decline", reason = "no capacity" });
        var second = (await driver.RunAsync(() => Task.FromResult(false), stopAt: "New order"))!;
        Assert.NotEqual(MarketplaceClient.Str(first, "assignee"), MarketplaceClient.Str(second, "assignee"));
        await client.CompleteOkAsync(second, new { outcome = "Accept" });

        var stage = (await driver.RunAsync(() => Task.FromResult(false), stopAt: "Complete Order Confirmation"))!;
        var order = await client.OrderAsync(orderId);
        Assert.Equal(MarketplaceClient.Str(second, "assignee"), MarketplaceClient.Str(order["supplier"], "id"));
        var offers = (await QuoteToDeliveryHost.EmailsAsync(host, Guid.Parse(MarketplaceClient.Str(quote, "id")), Guid.Parse(orderId))).Where(e => e.Template == "supplier-assignment").ToList();
        Assert.Equal(2, offers.Count);
        Assert.NotEqual(offers[0].To, offers[1].To);

        // Order Confirmation is planned for 2 days: 3 days later it is late.
        clock.Advance(TimeSpan.FromDays(3));
        var emails = await Eventually.UntilAsync(
            () => QuoteToDeliveryHost.EmailsAsync(host, Guid.Parse(MarketplaceClient.Str(quote, "id")), Guid.Parse(orderId)),
            rows => rows.Any(r => r.Template == "production-delay-alert"),
            "the delay alert",
            rows => string.Join(", ", rows));
        Assert.Equal(QuoteToDeliveryHost.OpsEmail, emails.Single(e => e.Template == "production-delay-alert").To);
        await client.CompleteOkAsync(stage, new { notes = "late fabric" });

        var after = await Eventually.UntilAsync(
            () => client.OrderAsync(orderId),
            o => o["stages"]![0]!["actualEnd"] is not null,
            "stage 1 completed");
        var first1 = after["stages"]![0]!;
        Assert.True(first1["late"]!.GetValue<bool>());
        Assert.Equal(1, first1["daysLate"]!.GetValue<int>());
        Assert.NotNull(first1["delayAlertedAt"]);
        Assert.Contains(after["timeline"]!.AsArray(), t => MarketplaceClient.Str(t, "action") == "stage_late");
    }
}
