using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Marketplace.Email;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// In-app notifications are the workflow's emails to the user's own address: each user sees only theirs, marks them
/// read (another's is 404), and the live summary stream announces a new one after the burst that wrote it.
/// </summary>
public sealed class NotificationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_user_sees_and_reads_only_the_emails_to_their_address_and_the_count_arrives_live()
    {
        await using var kit = new SecurityKit(database, null, folder => folder.With(Tick()));
        var (alice, _, aliceEmail) = await kit.UserAsync("buyer");
        var (bob, _, _) = await kit.UserAsync("supplier", (await kit.SupplierIdsAsync())[0].ToString());
        var orderId = Guid.NewGuid();
        var first = await EmailAsync(kit, aliceEmail.ToUpperInvariant(), "Your quote Q-1", orderId);

        var page = await PageAsync(alice);
        Assert.Equal(1, page["unread"]!.GetValue<int>());
        var item = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal("Your quote Q-1", item["title"]!.GetValue<string>());
        Assert.Equal($"/orders/{orderId}", item["link"]!.GetValue<string>());
        Assert.Empty((await PageAsync(bob))["items"]!.AsArray());

        // Bob cannot mark Alice's as read (404, as if it did not exist); Alice can, twice without harm.
        using (var refused = await bob.PostAsync(new Uri($"/api/notifications/{first}/read", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            using var read = await alice.PostAsync(new Uri($"/api/notifications/{first}/read", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        }

        Assert.Equal(0, (await PageAsync(alice))["unread"]!.GetValue<int>());

        // Live: the stream says 0 unread, then 1 after a burst commits with a new email to Alice.
        var (stream, response) = await SseReader.OpenAsync(alice, "/api/notifications/events");
        Assert.True(stream is not null, $"{(int)response.StatusCode}");
        await using (stream)
        {
            Assert.Equal(0, (await stream.NextAsync()).Data["unread"]!.GetValue<int>());
            await EmailAsync(kit, aliceEmail, "Your order shipped", orderId);
            await new SleekApi(kit.Admin).StartAsync("notify-tick");
            var next = await stream.NextAsync();
            Assert.Equal("summary", next.Type);
            Assert.Equal(1, next.Data["unread"]!.GetValue<int>());
        }
    }

    private static async Task<JsonObject> PageAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/notifications", UriKind.Relative));
        return (JsonObject)await SleekApi.ExpectAsync(response, HttpStatusCode.OK);
    }

    // As SendEmail records it in the outbox (src/Activities/Email/SendEmail.cs): the dispatcher sends it afterwards.
    private static async Task<Guid> EmailAsync(SecurityKit kit, string to, string subject, Guid orderId)
    {
        await using var db = kit.Service<MarketplaceDb>().CreateContext();
        var email = new EmailMessage { IdempotencyKey = Guid.NewGuid().ToString("N"), Template = "shipped", To = to, Subject = subject, TextBody = subject, HtmlBody = subject, CreatedAt = DateTime.UtcNow, OrderId = orderId, Status = EmailStatus.Sent };
        db.EmailMessages.Add(email);
        await db.SaveChangesAsync();
        return email.Id;
    }

    private static JsonObject Tick() => JsonNode.Parse("""
        {
          "definitionId": "notify-tick", "version": 1, "name": "A burst",
          "root": {
            "activities": [ { "id": "start", "type": "Start" }, { "id": "end", "type": "End" } ],
            "connections": [ { "source": { "activity": "start" }, "target": { "activity": "end" } } ]
          }
        }
        """)!.AsObject();
}
