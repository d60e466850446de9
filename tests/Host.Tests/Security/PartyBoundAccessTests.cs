using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Host.Tests.Marketplace;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// Keys bound to a party (issue 13, findings 1 and 2) on the repository's quote-to-delivery workflow: they see
/// only the instances of their party's quotes and orders, resume only the waits their party may resume (never an
/// ops task, a timer or another party's wait) and publish only the events their party may raise; every refusal
/// and every success is in the audit log with the key as actor.
/// </summary>
public sealed class PartyBoundAccessTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly string[] Scopes = ["instances:read", "bookmarks:resume", "events:publish", "tasks:read", "tasks:complete", "orders:read"];

    [Fact]
    public async Task Buyer_bound_key_sees_only_its_buyers_instances_and_a_supplier_key_lists_none_of_theirs()
    {
        await using var kit = NewKit();
        var a = await BuyerAsync(kit, "192.0.2.11");
        var b = await BuyerAsync(kit, "192.0.2.12");
        var a1 = await QuoteAsync(a);
        var a2 = await QuoteAsync(a);
        var b1 = await QuoteAsync(b);
        var keyA = kit.WithKey((await kit.ApiKeyAsync(Scopes, "buyer", a.UserId)).Key);
        // A supplier with no order (other tests of this class assign orders to the seeded ones).
        var supplierKey = kit.WithKey((await kit.ApiKeyAsync(Scopes, "supplier", Guid.NewGuid().ToString())).Key);
        var admin = new SleekApi(kit.Admin);
        var bInstance = await admin.WaitForStatusAsync(b1.InstanceId, "Suspended");
        var bTokens = bInstance["bookmarks"]!.AsArray().Select(x => x!["token"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(bTokens);

        // Buyer B's instance: 404, and nothing of B (email, tokens) in the answer.
        foreach (var path in new[] { $"/api/instances/{b1.InstanceId}", $"/api/instances/{b1.InstanceId}/journal" })
        {
            using var read = await keyA.GetAsync(Rel(path));
            var text = await read.Content.ReadAsStringAsync();
            Assert.True(read.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)read.StatusCode} {text}");
            Assert.DoesNotContain(b.Email, text, StringComparison.OrdinalIgnoreCase);
            Assert.All(bTokens, token => Assert.DoesNotContain(token, text, StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.OK, (await keyA.GetAsync(Rel($"/api/instances/{a1.InstanceId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await keyA.GetAsync(Rel($"/api/instances/{a1.InstanceId}/journal"))).StatusCode);

        // The list holds A's two instances only, filtered in the query: the total and the pages agree.
        var first = await JsonAsync(keyA, "/api/instances?pageSize=1");
        var second = await JsonAsync(keyA, "/api/instances?pageSize=1&page=2");
        Assert.Equal(2, first["total"]!.GetValue<int>());
        var listed = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => i!["id"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(new HashSet<string> { a1.InstanceId, a2.InstanceId }, listed);
        Assert.Empty((await JsonAsync(keyA, "/api/instances?page=3&pageSize=1"))["items"]!.AsArray());
        var filtered = await JsonAsync(keyA, $"/api/instances?correlationId={b1.QuoteId}");
        Assert.Equal(0, filtered["total"]!.GetValue<int>());

        // A supplier key whose supplier has no order yet lists nothing.
        var supplierList = await JsonAsync(supplierKey, "/api/instances");
        Assert.Equal(0, supplierList["total"]!.GetValue<int>());
        Assert.Empty(supplierList["items"]!.AsArray());
        using (var read = await supplierKey.GetAsync(Rel($"/api/instances/{a1.InstanceId}")))
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }

        // Staff still see everything.
        Assert.True((await JsonAsync(kit.Admin, "/api/instances"))["total"]!.GetValue<int>() >= 3);
        Assert.Contains(await kit.AuditAsync($"action=access.cross_tenant&target=instance={b1.InstanceId}"), e => e!["actor"]!.GetValue<string>().StartsWith("apikey:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Party_keys_cannot_resume_ops_tasks_timers_or_another_partys_waits()
    {
        await using var kit = NewKit();
        var a = await BuyerAsync(kit, "192.0.2.21");
        var b = await BuyerAsync(kit, "192.0.2.22");
        var (keyAText, keyAId) = await kit.ApiKeyAsync(Scopes, "buyer", a.UserId);
        var (keyBText, keyBId) = await kit.ApiKeyAsync(Scopes, "buyer", b.UserId);
        var keyA = kit.WithKey(keyAText);
        var keyB = kit.WithKey(keyBText);
        var admin = new SleekApi(kit.Admin);
        var b1 = await QuoteAsync(b);

        // B's quote waits for acceptance with a follow-up timer: neither B's own key nor A's may fire it early.
        var timer = await BookmarkAsync(admin, b1.InstanceId, "follow-up-delay");
        await ExpectRefusedAsync(await keyB.PostAsJsonAsync($"/api/bookmarks/{Token(timer)}/resume", new { }), HttpStatusCode.Forbidden);
        await ExpectRefusedAsync(await keyA.PostAsJsonAsync($"/api/bookmarks/{Token(timer)}/resume", new { }), HttpStatusCode.NotFound);
        Assert.Contains((await admin.GetInstanceAsync(b1.InstanceId))["bookmarks"]!.AsArray(), x => x!["activityId"]!.GetValue<string>() == "follow-up-delay");

        // B accepts; the deposit is confirmed by ops with a task. Neither key completes it through its token.
        var orderId = (await SleekApi.ExpectAsync(await b.Client.PostAsync(Rel($"/api/quotes/{b1.QuoteId}/accept"), null), HttpStatusCode.OK))["orderId"]!.GetValue<string>();
        var confirm = await BookmarkAsync(admin, b1.InstanceId, "confirm-deposit");
        await ExpectRefusedAsync(await keyA.PostAsJsonAsync($"/api/bookmarks/{Token(confirm)}/resume", new { reference = "FAKE-A" }), HttpStatusCode.NotFound);
        await ExpectRefusedAsync(await keyB.PostAsJsonAsync($"/api/bookmarks/{Token(confirm)}/resume", new { reference = "FAKE-B" }), HttpStatusCode.Forbidden);
        await ExpectRefusedAsync(await keyB.PostAsJsonAsync($"/api/tasks/{confirm["id"]}/complete", new { reference = "FAKE-B" }), HttpStatusCode.Forbidden);

        var order = await admin.GetJsonAsync($"/api/orders/{orderId}");
        Assert.All(order["invoices"]!.AsArray(), i => Assert.Equal("pending", i!["status"]!.GetValue<string>()));
        Assert.Equal("awaiting_payment", order["status"]!.GetValue<string>());
        Assert.Contains((await admin.GetInstanceAsync(b1.InstanceId))["bookmarks"]!.AsArray(), x => x!["activityId"]!.GetValue<string>() == "confirm-deposit");

        // A buyer never raises PaymentReceived (the payment provider's webhook or ops do), not even for its own invoice.
        var invoiceId = order["invoices"]![0]!["id"]!.GetValue<string>();
        await ExpectRefusedAsync(await keyB.PostAsJsonAsync("/api/events/PaymentReceived", new { correlationId = invoiceId, payload = new { amount = 1 } }), HttpStatusCode.Forbidden, HttpStatusCode.NotFound);

        // Each refusal is on record with the key as actor; nothing was resumed by either key.
        var refusedA = await kit.AuditAsync($"actor=apikey:{keyAId}&outcome=denied&pageSize=100");
        var refusedB = await kit.AuditAsync($"actor=apikey:{keyBId}&outcome=denied&pageSize=100");
        Assert.True(refusedA.Count >= 2, refusedA.ToJsonString());
        Assert.True(refusedB.Count >= 3, refusedB.ToJsonString());
        Assert.Contains(refusedB, e => e!["target"]!.GetValue<string>().Contains("follow-up-delay", StringComparison.Ordinal));
        Assert.Contains(refusedB, e => e!["target"]!.GetValue<string>().StartsWith($"task={confirm["id"]}", StringComparison.Ordinal));
        Assert.Empty(await kit.AuditAsync($"actor=apikey:{keyAId}&outcome=success"));
        Assert.Empty(await kit.AuditAsync($"actor=apikey:{keyBId}&outcome=success"));
    }

    [Fact]
    public async Task Supplier_key_cannot_accept_a_strangers_quote_and_a_buyer_key_accepts_only_its_own()
    {
        await using var kit = NewKit();
        var a = await BuyerAsync(kit, "192.0.2.31");
        var b = await BuyerAsync(kit, "192.0.2.32");
        var suppliers = await kit.SupplierIdsAsync();
        var supplierKey = kit.WithKey((await kit.ApiKeyAsync(Scopes, "supplier", suppliers[0].ToString())).Key);
        var keyA = kit.WithKey((await kit.ApiKeyAsync(Scopes, "buyer", a.UserId)).Key);
        var (keyBText, keyBId) = await kit.ApiKeyAsync(Scopes, "buyer", b.UserId);
        var keyB = kit.WithKey(keyBText);
        var admin = new SleekApi(kit.Admin);

        var anonymous = await SleekApi.ExpectAsync(
            await kit.Anonymous("192.0.2.33").PostAsJsonAsync("/api/quotes", MarketplaceClient.WorkedExample("stranger@example.com")), HttpStatusCode.Created);
        var anonymousId = anonymous["id"]!.GetValue<string>();
        var b1 = await QuoteAsync(b);
        await admin.WaitForStatusAsync(b1.InstanceId, "Suspended");
        await admin.WaitForStatusAsync(anonymous["instanceId"]!.GetValue<string>(), "Suspended");

        foreach (var (client, quoteId) in new[] { (supplierKey, anonymousId), (supplierKey, b1.QuoteId), (keyA, anonymousId), (keyA, b1.QuoteId) })
        {
            using var refused = await client.PostAsJsonAsync("/api/events/QuoteAccepted", new { correlationId = quoteId, payload = new { quoteId } });
            await ExpectRefusedAsync(refused, HttpStatusCode.NotFound);
        }

        foreach (var quoteId in new[] { anonymousId, b1.QuoteId })
        {
            var quote = await admin.GetJsonAsync($"/api/quotes/{quoteId}");
            Assert.Equal("quote_sent", quote["status"]!.GetValue<string>());
            Assert.Null(quote["orderId"]);
        }

        // B's own key may accept B's quote: the order is made, and the event is on record with the key as actor.
        using (var accepted = await keyB.PostAsJsonAsync("/api/events/QuoteAccepted", new { correlationId = b1.QuoteId, payload = new { quoteId = b1.QuoteId } }))
        {
            await SleekApi.ExpectAsync(accepted, HttpStatusCode.OK);
        }

        await Eventually.UntilAsync(() => admin.GetJsonAsync($"/api/quotes/{b1.QuoteId}"), q => q["orderId"] is not null, "B's order");
        Assert.Contains(await kit.AuditAsync($"actor=apikey:{keyBId}&outcome=success"), e => e!["target"]!.GetValue<string>().StartsWith($"instance={b1.InstanceId}", StringComparison.Ordinal));
        Assert.Contains(await kit.AuditAsync($"action=access.cross_tenant&target=instance={anonymous["instanceId"]}"), e => e!["outcome"]!.GetValue<string>() == "denied");
    }

    [Fact]
    public async Task Supplier_key_moves_on_only_orders_assigned_to_its_supplier()
    {
        await using var kit = NewKit();
        var a = await BuyerAsync(kit, "192.0.2.41");
        var admin = new SleekApi(kit.Admin);
        var a1 = await QuoteAsync(a);
        var orderId = (await SleekApi.ExpectAsync(await a.Client.PostAsync(Rel($"/api/quotes/{a1.QuoteId}/accept"), null), HttpStatusCode.OK))["orderId"]!.GetValue<string>();
        var confirm = await BookmarkAsync(admin, a1.InstanceId, "confirm-deposit");
        await SleekApi.ExpectAsync(await kit.Admin.PostAsJsonAsync($"/api/tasks/{confirm["id"]}/complete", new { reference = "BANK-1" }), HttpStatusCode.OK);
        var sample = await BookmarkAsync(admin, a1.InstanceId, "submit-sample");
        var order = await admin.GetJsonAsync($"/api/orders/{orderId}");
        var assigned = order["supplier"]!["id"]!.GetValue<string>();
        var other = (await kit.SupplierIdsAsync()).Select(s => s.ToString()).First(s => s != assigned);
        var (mineText, mineId) = await kit.ApiKeyAsync(Scopes, "supplier", assigned);
        var (otherText, otherId) = await kit.ApiKeyAsync(Scopes, "supplier", other);
        var mine = kit.WithKey(mineText);
        var stranger = kit.WithKey(otherText);

        // Another supplier's key: the order's instance does not exist for it, its waits cannot be resumed.
        Assert.Equal(0, (await JsonAsync(stranger, "/api/instances"))["total"]!.GetValue<int>());
        await ExpectRefusedAsync(await stranger.PostAsJsonAsync($"/api/bookmarks/{Token(sample)}/resume", new { trackingNumber = "NOT-MINE" }), HttpStatusCode.NotFound);
        Assert.Equal("sample_requested", (await admin.GetJsonAsync($"/api/orders/{orderId}"))["status"]!.GetValue<string>());

        // The assigned supplier's key sees exactly this instance and sends its sample.
        var own = await JsonAsync(mine, "/api/instances");
        Assert.Equal(1, own["total"]!.GetValue<int>());
        Assert.Equal(a1.InstanceId, own["items"]![0]!["id"]!.GetValue<string>());
        await SleekApi.ExpectAsync(await mine.PostAsJsonAsync($"/api/bookmarks/{Token(sample)}/resume", new { trackingNumber = "SAMPLE-1" }), HttpStatusCode.OK);
        Assert.Equal("sample_submitted", (await admin.GetJsonAsync($"/api/orders/{orderId}"))["status"]!.GetValue<string>());

        // The buyer's sample approval is the buyer's task: the supplier's key cannot answer it for the buyer.
        var approve = await BookmarkAsync(admin, a1.InstanceId, "approve-sample");
        await ExpectRefusedAsync(await mine.PostAsJsonAsync($"/api/bookmarks/{Token(approve)}/resume", new { outcome = "Approve" }), HttpStatusCode.Forbidden);

        Assert.Contains(await kit.AuditAsync($"actor=apikey:{otherId}&outcome=denied"), e => e!["target"]!.GetValue<string>().StartsWith($"task={sample["id"]}", StringComparison.Ordinal));
        var resumed = Assert.Single(await kit.AuditAsync($"actor=apikey:{mineId}&outcome=success"))!;
        Assert.StartsWith($"task={sample["id"]}", resumed["target"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("supplier", resumed["role"]!.GetValue<string>());

        // The admin's completion of ops' task is audited once, as what it did: not again as a generic "POST …" entry.
        var confirmed = Assert.Single(await kit.AuditAsync($"action=task.completed&target={Uri.EscapeDataString($"task={confirm["id"]} instance={a1.InstanceId}")}"))!;
        Assert.Equal("admin", confirmed["role"]!.GetValue<string>());
        Assert.Empty(await kit.AuditAsync($"action={Uri.EscapeDataString("POST /api/tasks/{id:guid}/complete")}"));
    }

    private static SecurityKit NewKit(TestDatabase database) => new(database, Settings(), folder => folder.WithSample("quote-to-delivery"));

    private SecurityKit NewKit() => NewKit(database);

    private static Dictionary<string, string> Settings()
    {
        var settings = QuoteToDeliveryHost.Settings();
        foreach (var (key, value) in AuthorizationMatrixTests.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<Buyer> BuyerAsync(SecurityKit kit, string ip)
    {
        var (client, userId, email) = await kit.UserAsync("buyer");
        client.DefaultRequestHeaders.Add(TestClientIp.Header, ip);
        return new Buyer(client, userId, email);
    }

    /// <summary>A quote requested by the signed-in buyer (so it and its instance are theirs).</summary>
    private static async Task<Quote> QuoteAsync(Buyer buyer)
    {
        using var response = await buyer.Client.PostAsJsonAsync("/api/quotes", MarketplaceClient.WorkedExample(buyer.Email));
        var quote = await SleekApi.ExpectAsync(response, HttpStatusCode.Created);
        return new Quote(quote["id"]!.GetValue<string>(), quote["instanceId"]!.GetValue<string>());
    }

    /// <summary>The open bookmark of <paramref name="activityId"/> as admin sees it (with its token), once it exists.</summary>
    private static async Task<JsonObject> BookmarkAsync(SleekApi admin, string instanceId, string activityId)
    {
        var instance = await Eventually.UntilAsync(
            () => admin.GetInstanceAsync(instanceId),
            i => i["bookmarks"]!.AsArray().Any(x => x!["activityId"]!.GetValue<string>() == activityId),
            $"instance {instanceId} to wait in {activityId}",
            i => i["bookmarks"]!.ToJsonString());
        return instance["bookmarks"]!.AsArray().First(x => x!["activityId"]!.GetValue<string>() == activityId)!.AsObject();
    }

    private static string Token(JsonObject bookmark) => bookmark["token"]!.GetValue<string>();

    private static async Task ExpectRefusedAsync(HttpResponseMessage response, params HttpStatusCode[] allowed)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(allowed.Contains(response.StatusCode), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {string.Join(" or ", allowed.Select(s => (int)s))}, got {(int)response.StatusCode} {text}");
        }
    }

    private static async Task<JsonNode> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(Rel(path));
        return await SleekApi.ExpectAsync(response, HttpStatusCode.OK);
    }

    private static Uri Rel(string path) => new(path, UriKind.Relative);

    private sealed record Buyer(HttpClient Client, string UserId, string Email);

    private sealed record Quote(string QuoteId, string InstanceId);
}
